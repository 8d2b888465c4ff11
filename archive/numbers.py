"""Figures as a reader writes them, and as exact as a float can say them."""

import sys
from decimal import Decimal


def exact_number(value):
    """A stored figure as the number it stands for, for JSON and CSV: written to the 15 significant
    digits a float holds (534,930,000,000,000, not 534929999999999.94), an int when it is whole."""
    if value is None:
        return None
    number = Decimal(f"{float(value):.{FLOAT_DIGITS}g}")
    return int(number) if number == number.to_integral_value() else float(number)


def format_number(value):
    """A figure as a reader writes it: 1,800,000 and 0.74, never 1.8e+06, and exact: a float carries 15
    significant decimal digits, so it is written to those and no further (534.93万亿元, stored as the float
    nearest 534,930,000,000,000, is 534,930,000,000,000, not 534,929,999,999,999.9375); at most six
    decimals."""
    if value is None:
        return ""
    number = Decimal(f"{float(value):.{FLOAT_DIGITS}g}")
    if number == number.to_integral_value():
        return f"{int(number):,}"
    if number.as_tuple().exponent < -6 and number.quantize(SIX_DECIMALS) != 0:
        number = number.quantize(SIX_DECIMALS)
    return f"{number:,f}".rstrip("0").rstrip(".")


FLOAT_DIGITS = sys.float_info.dig  # 15: the decimal digits a float holds exactly
SIX_DECIMALS = Decimal("0.000001")
