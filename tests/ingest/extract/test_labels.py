"""A figure's label is the counted thing as its sentence prints it, rule by rule (labels.py), with
negatives: sentences of the corpus's kind, written for these tests, read as an upload reads them."""

import pytest

from archive.ingest.extract.metrics import find_metrics
from archive.ingest.extract.tagger import Tokens


def labels(text):
    return {f.quote: f.label for f in find_metrics(text, tokens=Tokens(text))}


@pytest.mark.parametrize(
    "text,quote,label",
    [
        # what a change is measured against is cut out; the clause's subject stands before how it changed
        ("全市社会消费品零售总额达到500亿元，同比增长8.5%。", "8.5%", "全市社会消费品零售总额增长"),
        ("今年全市工业投资比去年同期增加30亿元。", "30亿元", "全市工业投资增加"),
        ("制造业采购经理指数为52%，较上月回落1.2个百分点。", "1.2个百分点", "制造业采购经理指数回落"),
        ("全省商品房待售面积比上月末减少120万平方米。", "120万平方米", "全省商品房待售面积减少"),
        # a figure's own unit is no subject (10.5亿人, 同比增加)
        ("全国参保职工为10.5亿人，同比增加2430万人。", "2430万人", "全国参保职工增加"),
    ],
)
def test_a_change_is_labelled_by_its_subject(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote",
    [
        ("其中，同比增长8.5%。", "8.5%"),  # how it changed, and no subject: no label
        ("比上月减少120万平方米。", "120万平方米"),
    ],
)
def test_how_a_number_changed_alone_is_no_label(text, quote):
    assert labels(text)[quote] == ""


@pytest.mark.parametrize(
    "text,quote,label",
    [
        ("全县已有300多家企业入驻园区。", "300多家", "企业"),  # 入驻 starts what they do
        ("全镇有120名农村留守儿童。", "120名", "农村留守儿童"),  # 留守 is inside the noun phrase
        ("去年建成5个易地扶贫搬迁安置点。", "5个", "易地扶贫搬迁安置点"),
        ("今年将推出9场跨区域巡回招聘会。", "9场", "跨区域巡回招聘会"),
        ("为村里30户年轻人划分了宅基地。", "30户", "年轻人"),  # 年轻人: who they are, not generic people
    ],
)
def test_a_verb_after_the_counted_noun_ends_it_unless_it_forms_a_compound(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        ("来自20个国家的游客参加了活动。", "20个", "国家"),  # the number counts what stands before 的
        ("他们救出了15名外国游客的大巴。", "15名", "外国游客"),
        ("有3名贫困家庭的孩子考上大学。", "3名", "贫困家庭的孩子"),  # people of what they belong to
        ("全市52个未摘帽的贫困县。", "52个", "未摘帽的贫困县"),  # a clause before 的
    ],
)
def test_de_joins_a_clause_or_what_people_belong_to(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        ("5月份制造业采购经理指数为50.2%。", "50.2%", "制造业采购经理指数"),  # not 月份…
        ("全县贫困户一共3600人。", "3600人", "全县贫困户"),  # not 贫困户一共
        ("登机前的检测次数调整为1次。", "1次", "检测次数"),
        ("全村还有300户村民没有脱贫。", "300户", "村民没有脱贫"),  # a negation stays
        ("全乡有2000人都参加了培训。", "2000人", "参加培训"),  # 都, 了: not said
    ],
)
def test_no_time_word_adverb_or_particle_in_a_label(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        ("河南拿出两亿元发展优质专用小麦。", "两亿元", ""),  # 拿出: not what the money is
        ("已有200亿元退税款退到纳税人账户。", "200亿元", "退税款"),
        ("公司投资100亿元建设新厂。", "100亿元", "公司投资"),
        ("全县投入扶贫资金2亿元。", "2亿元", "全县投入扶贫资金"),
    ],
)
def test_money_is_labelled_by_what_it_is(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        ("如今已有25个。", "25个", ""),  # 已有: what was done, not what is counted
        ("将给予50%的报销。", "50%", ""),
        ("全县累计减贫3000户。", "3000户", "减贫"),  # a verb that names what is counted
        ("景区游客人数升至3万人。", "3万人", "景区游客人数"),  # not 人数升至
        ("中国使6亿多人摆脱贫困值得世界称道。", "6亿多人", "摆脱贫困"),  # a second verb starts a new phrase
        ("建设116个国家智慧农业创新应用项目。", "116个", "国家智慧农业创新应用项目"),  # verbs inside a noun phrase
        ("其中，揽收快递包裹19.99亿件。", "19.99亿件", "揽收快递包裹"),  # a phrase read as verbs stays
        ("整治重点水域、场所等5100余处。", "5100余处", "场所"),  # 等 closes a list, not the label
    ],
)
def test_a_verb_alone_or_a_second_predicate_is_no_label(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        # a bound and 的 after a figure: the noun after has that many; the counted thing is before
        ("全国新增确诊病例1万例以上的省份有5个。", "1万例以上", "全国新增确诊病例"),
    ],
)
def test_a_noun_after_a_bound_and_de_is_not_what_is_counted(text, quote, label):
    assert labels(text)[quote] == label


def label_list(text):
    return [f.label for f in find_metrics(text, tokens=Tokens(text))]


@pytest.mark.parametrize(
    "text,expected",
    [
        # 分别 before a list of figures: each number is of the item in its place
        ("全县贫困村和贫困人口分别减少34个和5.1万人。", ["全县贫困村", "贫困人口"]),
        ("关税和进口环节税分别增长2.3%和2.6%。", ["关税增长", "进口环节税增长"]),
        # the items share the measure the last one ends in; 同比 is cut out
        (
            "我国装备制造业和高技术制造业增加值同比分别增长10.6%和9.1%。",
            ["装备制造业增加值增长", "高技术制造业增加值增长"],
        ),
        # a one-character measure (率) is shared with the word before it
        (
            "耕地、林地、草地土壤点位超标率分别为19.4%、10.0%、10.4%。",
            ["耕地超标率", "林地超标率", "草地土壤点位超标率"],
        ),
        # a list longer than its numbers, or no 分别: all keep the one label
        ("原煤、原油、天然气、电力产量分别增长10.3%、4.4%、6.6%。", ["电力产量增长"] * 3),
    ],
)
def test_each_number_of_a_list_after_fenbie_takes_its_item(text, expected):
    assert label_list(text) == expected


def test_a_measure_named_by_a_growth_word_is_no_change():
    # 增加值, 增长率: measures, not how the number changed
    assert labels("全省规模以上工业增加值为3000亿元。")["3000亿元"] == "工业增加值"


@pytest.mark.parametrize(
    "text,quote,label",
    [
        # the level a rate reached (升至, 降至) is no change: the noun alone
        ("截至2021年末，全省森林覆盖率升至40.2%。", "40.2%", "全省森林覆盖率"),
        # a bound between the noun and its number belongs to neither (不低于, 低于)
        ("该县的新冠病毒测试阳性率不低于10%。", "10%", "新冠病毒测试阳性率"),
        ("网上商品零售额持续保持30%左右的高增长。", "30%左右", "网上商品零售额"),
        # a time word (目前, 当前) ends a label on its left
        ("扶贫龙头企业目前复工率达到98%。", "98%", "复工率"),
        # 青年, which the tagger reads as a time, is counted
        ("疫情突袭，900多万名青年奋战在抗疫一线。", "900多万名", "青年"),
    ],
)
def test_no_level_verb_bound_or_time_word_in_a_label(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        # a currency after the amount is the money's, not what it is; nor the subject of a change after it
        ("实际使用外资金额3309.5亿元人民币，同比增长10.5%。", "10.5%", "实际使用外资金额增长"),
        ("今年服务贸易总额达到5.35万亿元人民币。", "5.35万亿元", "服务贸易总额"),
        # 与…相比: what it is compared with, cut out as 比 is
        ("服务贸易总额为2.2万亿元，与去年同期相比下降14.7%。", "14.7%", "服务贸易总额下降"),
        # 可能, 一度, 触及 and a price's 每盎司 stand between a label and its number
        ("参加集会的群众人数可能达到10万人。", "10万人", "群众人数"),
        ("上半年，工业增加值仍保持了10.5%的高增长。", "10.5%", "工业增加值"),
        ("国际黄金价格一度触及每盎司2000美元。", "2000美元", "国际黄金价格"),
    ],
)
def test_no_currency_comparison_or_hedge_in_a_label(text, quote, label):
    assert labels(text)[quote] == label


@pytest.mark.parametrize(
    "text,quote,label",
    [
        # a clause of only 达到 / 共 before its figure counts what the figure of the clause before did
        ("美国累计猴痘确诊病例逼近17000例，达到16926例。", "16926例", "猴痘确诊病例"),
        ("美国累计猴痘确诊病例逼近17000例，达到16926例。", "逼近17000例", "猴痘确诊病例"),  # 逼近: approximate
        ("全村种了300亩，其中果树80亩。", "80亩", "果树"),  # not bare: its own noun
        ("村里有40多户，有22户是贫困户。", "22户", ""),  # 有: not the same count
    ],
)
def test_a_bare_clause_counts_what_the_one_before_did(text, quote, label):
    assert labels(text)[quote] == label
