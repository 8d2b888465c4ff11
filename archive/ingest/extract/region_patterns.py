"""Context rules for place names, as data."""

import re

# A name directly followed by one of these is part of a smaller place, a
# mountain or an institution, not the division itself: 老县镇, 朝阳村, 紫云社区,
# 吕梁山区 (the mountains, not 吕梁市).
NOT_A_DIVISION_AFTER = re.compile(r"^(镇|乡|村|街道|街|社区|路|大街|大道|大桥|小区|组|湖|河|站|寺|山庄|山区|山脉|山)")
# Within the same name (no punctuation in between): a company or school name.
INSTITUTION_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(有限公司|有限责任公司|股份公司|公司|集团|药业|大学|学院|银行|医院|研究院|实业)"
)
# A county named by its short name (or a two-character full name, 和县) must be
# backed: its prefecture or its own full name named in the report, or its
# province printed at most this many characters before it (广西融水、隆林).
PROVINCE_NEAR = 20
# Share of non-province mentions the top region needs to be the report's subject.
PRIMARY_MIN_COUNT = 3
PRIMARY_MIN_RATIO = 2.0
