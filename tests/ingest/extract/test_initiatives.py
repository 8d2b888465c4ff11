import pytest

from archive.ingest.extract.initiatives import categorize, find_categories, find_initiatives
from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS
from tests.ingest.extract.readers import initiative_names as names


@pytest.mark.parametrize(
    "text,name",
    [
        ("汉阴县创新推行“138”模式，做好搬迁群众后续扶持。", "138"),
        ("探索实践了“三变”改革，带动贫困户入股分红。", "三变改革"),
        ("通过推行脱贫攻坚“总队长”制，即县委书记带头。", "总队长制"),
        ("车河模式的成功，把资产收益扶贫推向了多点开花。", "车河模式"),
        ("依靠“借芋还芋”，金阳县扩大魔芋种植，贫困户户均增收3000元。", "借芋还芋"),
        ("建设扶贫车间134个。", "扶贫车间"),
        ("“镇园产业联盟”模式被写进一号文件，成为产业扶贫的样板。", "镇园产业联盟"),
    ],
)
def test_named_initiatives(text, name):
    assert any(name in n for n in names(text)), names(text)  # the gold rule: a name found holds it


def test_initiative_category_from_its_name_then_its_sentence():
    assert categorize("扶贫车间") == "就业扶贫"
    assert categorize("138", "搬迁群众安置社区建好1个支部") == "易地扶贫搬迁"


def category_of(text, name):
    return next(i["category"] for i in find_initiatives(text) if i["name"] == name)


def test_an_initiatives_category_comes_from_its_own_words_never_its_sentence():
    # the programme's own category from the thesaurus; a local model's from its name
    assert category_of("马天志借助宁夏实施的精准扶贫工程，种了40多亩玉米。", "精准扶贫") == ""
    assert category_of("兴和县启动医疗健康精准扶贫工程，贫困人口健康筛查全覆盖。", "医疗健康精准扶贫工程") == "健康扶贫"
    # a local model whose name says nothing of a category has none, whatever its sentence's words
    assert category_of("平利县推行“四跟四走”，带动贫困户发展产业，种植茶园5000亩。", "四跟四走") == ""


def test_generic_words_are_not_models():
    assert names("创新发展模式和管理模式。") == []


def categories(text):
    return find_categories(text, find_initiatives(text))


def test_categories_follow_from_programmes_and_evidence_not_one_word():
    assert categories("发展电商。") == []  # one word is no evidence
    assert categories("发展电商，开展直播带货，帮助贫困户卖农产品。") == ["电商扶贫"]  # a programme and a word
    assert categories("推进健康扶贫。") == ["健康扶贫"]  # a programme alone
    assert categories("加大贫困地区教育投入，调研教育培训脱贫。") == ["教育扶贫"]  # the domain's own words, twice


def test_programmes_by_any_of_their_names():
    found = {
        i["name"]: i["programme"]
        for i in find_initiatives(
            "实施易地搬迁，建设社区工厂，开展家庭医生签约服务，落实东西部协作，贫困户纳入农村低保。"
        )
    }
    assert found == {
        "易地搬迁": "易地扶贫搬迁",
        "社区工厂": "扶贫车间",
        "家庭医生签约服务": "家庭医生签约服务",
        "东西部协作": "东西部扶贫协作",
        "农村低保": "农村最低生活保障",
    }


def test_a_quoted_only_name_needs_its_quotes():
    assert names("对脱贫人口开展“回头看”。") == ["回头看"]
    assert names("回头看看这些年的变化。") == []


@pytest.mark.parametrize(
    "text,name",
    [
        ("乌兰察布市启动实施医疗健康精准扶贫工程。", "医疗健康精准扶贫工程"),
        ("部署实施2016年健康扶贫工程。", "健康扶贫工程"),
        ("推出社会化企业扶贫、光伏扶贫等办法。", "社会化企业扶贫"),
        ("通过“动物寄养分红”等模式带动贫困户增收。", "动物寄养分红"),
        ("实施“集体经济破零行动”和“农村本土人才回归工程”，助力脱贫攻坚。", "农村本土人才回归工程"),
        ("出台《关于实施教育扶贫攻坚三年行动的意见》。", "教育扶贫攻坚三年行动"),
    ],
)
def test_local_models_where_reports_print_them(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["科学谋划好“十三五”时期扶贫工作。", "通过“一对一”手拉手的帮扶。", "“十三五”实施健康扶贫工程"]
)
def test_periods_and_slogans_are_no_models(text):
    assert not any(n in ("十三五", "一对一", "十三五实施健康扶贫工程") for n in names(text)), names(text)


def test_one_name_per_programme_where_one_holds_another():
    assert names("坚持精准扶贫方略，做到精准扶贫。") == ["精准扶贫方略"]


def test_taxonomy_is_fixed_and_every_category_has_rules():
    assert len(CATEGORIES) == 15 and set(CATEGORY_KEYWORDS) == set(CATEGORIES)


# -- local models across the corpus: kinds, each with its negatives --------------------------------------


@pytest.mark.parametrize(
    "text,name",
    [
        ("石泉县推行“六到户六落实”，贫困户脱贫有了路径。", "六到户六落实"),
        ("该县创新三联三帮工作机制，干部结对帮扶贫困户1200户。", "三联三帮"),
        ("甘肃要求扶贫工作一户一策，建立台账。", "一户一策"),
        ("乡政府制定了“一村一品、一户一策、一人一方”的增收计划。", "一村一品"),
        ("对建档立卡贫困人口实行“两提高、两降低”倾斜政策。", "两提高"),
        ("平利县推行四跟四走产业扶贫模式，带动贫困户增收。", "四跟四走"),
    ],
)
def test_number_models(text, name):
    assert any(name in n for n in names(text)), names(text)


@pytest.mark.parametrize(
    "text",
    [
        "喊叫水乡十年九旱，全乡19个村都是贫困村。",  # an idiom the dictionary knows
        "扶贫干部一心一意为贫困群众办实事，走遍千家万户。",
        "扶贫干部每周一次、一年两次走访贫困户。",  # counts
        "驻村工作队一天两次入户，帮扶贫困户。",
        "这一举措使三年五万贫困人口受益。",
    ],
)
def test_idioms_and_counts_are_no_number_models(text):
    assert names(text) == [] or all(n in ("驻村工作队",) for n in names(text)), names(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("张小丽在村委会的组织下，收看了海南专门为精准扶贫开办的脱贫致富电视夜校。", "脱贫致富电视夜校"),
        ("现在，礼县458个村都有扶贫夜校，仅去年就开设了2400场。", "扶贫夜校"),
        ("西城区与乌兰察布市召开医疗健康精准扶贫试点工程工作会。", "医疗健康精准扶贫试点工程"),
        ("村里办起了扶贫爱心超市，贫困户用积分兑换生活用品。", "扶贫爱心超市"),
    ],
)
def test_compounds_named_for_poverty_alleviation(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("宁夏通过实施一系列生态扶贫工程，让贫困村全部脱贫。", "生态扶贫工程"),  # a programme's name + 工程
        ("马天志借助宁夏实施的精准扶贫工程，种了40多亩玉米。", "精准扶贫工程"),
        ("新四军军部旧址新增了农民夜校展厅，吸引很多参观者。", "农民夜校"),  # no cue: a museum's room
    ],
)
def test_a_generic_or_unrelated_compound_is_no_name(text, wrong):
    assert wrong not in names(text), names(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("在湖北“一水两用、一地双收”的种养模式，让老百姓的钱袋子鼓了起来，贫困户增收。", "一水两用、一地双收"),
        ("镇里打造“扶贫微工厂”，吸纳贫困劳动力就业。", "扶贫微工厂"),
        ("石泉县探索“阳光存折”，扶贫资金直接打到贫困户账户。", "阳光存折"),
        ("贵州开展“推普脱贫”乡村行活动。", "推普脱贫"),
    ],
)
def test_quoted_models_after_a_policy_verb_or_before_their_kind(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("习近平指出，党的十八届三中全会已经胜利闭幕，军令状已经下达，集合号已经吹响。", "军令状"),
        ("要深化“放管服”改革，为培育大市场营造更好环境。", "放管服改革"),
        ("宣言呼吁以色列公开、明确地承诺支持“两国方案”。", "两国方案"),
        ("各地开展“净网行动”，清理网络有害信息。", "净网行动"),
        ("李克强考察企业搭建“双创”平台和发展“互联网+”情况。", "双创平台"),
        ("会议指出，要加快棚户区改造，让居民早日“出棚进楼”。", "棚户区改造"),
        ("实施流动人口健康促进行动计划和妇幼健康行动计划。", "妇幼健康行动计划"),
    ],
)
def test_programmes_and_slogans_with_no_word_of_poverty_near_them_are_none(text, wrong):
    assert wrong not in names(text), names(text)


def test_the_same_programme_counts_where_poverty_alleviation_is_near():
    assert "军令状" in names("各县向市委立下脱贫攻坚军令状，确保贫困人口如期脱贫。")
    assert "棚户区改造" in names("加快棚户区改造，帮助贫困群众住上新房。")


def test_categories_need_evidence_about_poverty_alleviation():
    # one report's topic words, no poverty alleviation near them: no category
    assert categories("双方在基础设施、能源矿产、金融等传统领域合作成果丰硕，基础设施建设加快。") == []
    assert categories("转型升级，让赣州进入稀土全产业发展模式，推动产业结构转型，产业增加值增长。") == []
    assert categories("内蒙古群众路线教育实践活动部署较早，要求干部在学习教育阶段面对面听取意见。") == []
    # the same words where the text is about poverty alleviation count
    assert categories("发展特色产业带动贫困户增收，产业扶贫覆盖60%的贫困人口。") == ["产业扶贫"]
    assert "基础设施" in categories("红军村脱贫记\n村里修通了公路，通了自来水，农村公路连到家门口。")


@pytest.mark.parametrize(
    "text,name",
    [
        ("南梁村引入了“五通八有”扶贫机制，贫困户近一半实现脱贫。", "五通八有"),
        ("全面推进产业开发、劳务协作、“百企联百村”等四大特色扶贫。", "百企联百村"),
        ("在这里工作的大多是贫困户，可以说是名副其实的“扶贫园”。", "扶贫园"),
        ("山东电商搭建起“网上村庄”，让贫困村民尝到了“互联网+”的甜头。", "网上村庄"),
        ("为贯彻落实《中国农村扶贫开发纲要（2011-2020年）》，指导卫生扶贫工作。", "中国农村扶贫开发纲要"),
        ("国务院印发《“十三五”脱贫攻坚规划》，明确贫困人口脱贫目标。", "十三五脱贫攻坚规划"),
        ("今天，甘肃中部生态移民扶贫开发供水工程通水运行，解决14.54万人用水难题。", "甘肃中部生态移民扶贫开发供水工程"),
        ("国资委组织推进的央企消费扶贫电商平台正式上线，上架贫困县农特产品1500多种。", "央企消费扶贫电商平台"),
    ],
)
def test_quoted_number_names_things_named_for_poverty_and_plans_printed_as_titles(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("增强“四个意识”、坚定“四个自信”、做到“两个维护”，推进脱贫攻坚。", "两个维护"),  # a numeral once
        ("印发《关于加强文化领域行业组织建设的指导意见》，扶贫办参加。", "关于加强文化领域行业组织建设的指导意见"),
        ("会议审议《国家创新驱动发展战略纲要》，部署精准扶贫工作。", "国家创新驱动发展战略纲要"),  # no cue in it
        ("群众纷纷点赞“扶贫好干部”，贫困户脱贫。", "扶贫好干部"),  # a person's praise, no kind of thing
    ],
)
def test_no_model_from_a_slogan_a_document_or_a_praise(text, wrong):
    assert wrong not in names(text), names(text)


def test_a_report_about_poverty_alleviation_takes_the_thesaurus_names_anywhere():
    head = "骆驼湾村脱贫记\n2012年总书记来到骆驼湾村看真贫，发出脱贫攻坚动员令，232万建档立卡贫困人口全部脱贫。"
    far = "在阜平县骆驼湾村，一场农副产品的直播带货正在进行，主播是75岁的村民顾宝青，介绍的都是自家常吃的土特产。"
    assert "直播带货" in names(head + "\n" + far)  # the report is about poverty alleviation
    assert "直播带货" not in names("新春车市\n" + far)  # one passage of an unrelated report is not


def test_a_one_word_piece_of_evidence_needs_a_cue_word_close_by():
    # 健康教育 in a health-poverty report is no education; 教育扶贫 itself is
    text = "兴和县医疗健康精准扶贫\n提高健康教育能力，开展三级预防，规范慢病管理，提高居民健康教育水平和教育质量。"
    assert "教育扶贫" not in categories(text)
    assert "教育扶贫" in categories(text + "\n推进教育扶贫，控辍保学，资助贫困学生上学。")
