"""The five seed pages, imported: every article as read off the printed pages.

The table below was written from reading the page files, not from the importer's output.
"""

import datetime
from collections import Counter
from typing import NamedTuple

import pytest

from articles.models import (
    Article,
    CallForPapers,
    Genre,
    ImportLeftover,
    Issue,
    Photo,
    Status,
)
from zones.models import Zone

from .helpers import (
    PAGE_000,
    PAGE_001,
    PAGE_002,
    PAGE_003,
    PAGE_004,
    SEED_FILES,
    manifest_entry,
)


class Row(NamedTuple):
    file: str
    position: int
    zone: str
    zone_label: str
    kicker: str
    title: str
    subtitle: str
    dateline: str
    byline: str
    authors: list[str]
    first: str  # a phrase of the first paragraph
    last: str  # a phrase of the last paragraph


ARTICLES = [
    # --- 000 -------------------------------------------------------------------------------
    Row(
        PAGE_000, 1, "朔州经济开发区", "朔州经济开发区", "", "上半年财政总收入同比增长10.42%",
        "", "", "麻洁琼", ["麻洁琼"],
        "时间过半，任务过半！财政总收入累计完成599900万元",
        "经开区财政管理运营部部长霍锋表示。",
    ),
    Row(
        PAGE_000, 2, "太原中北高新技术产业开发区", "", "",
        "太原中北高新技术产业开发区两个专业镇产品亮相首届山西特色专业镇投资贸易博览会",
        "", "", "(王波)", ["王波"],
        "太原中北高新区坚持因地制宜，一镇一策",
        "为全省全方位高质量发展作出新贡献。",
    ),
    Row(
        PAGE_000, 3, "武乡现代农业产业示范区", "武乡现代农业产业示范区", "",
        "借博士团之智 实现玉米增产", "", "本刊讯", "(姚雨欣)", ["姚雨欣"],
        "武乡农业示范区抢抓全省博士团入区的机遇",
        "更好发挥良好示范带动作用。",
    ),
    Row(
        PAGE_000, 4, "运城经济技术开发区", "", "",
        "吉林威创机电工程有限公司考察运城经济技术开发区", "", "本刊讯", "(杨润枫)",
        ["杨润枫"],
        "吉林威创机电工程有限公司总经理姜锡熙一行到运城经济技术开发区考察",
        "携手实现共同发展。",
    ),
    Row(
        PAGE_000, 5, "临汾经济开发区", "", "", "华北水利水电大学在临汾经济开发区调研", "",
        "本刊讯", "(白静)", ["白静"],
        "华北水利水电大学机械学院院长王丽君一行3人",
        "为临汾经济开发区高质量发展注入新活力、增添新动能。",
    ),
    Row(
        PAGE_000, 6, "盐湖高新技术产业开发区", "盐湖高新技术产业开发区", "",
        "筑牢党建根基 助力高质量发展", "", "本刊讯", "(刘记明)", ["刘记明"],
        "为深入学习贯彻习近平总书记关于党的建设系列重要论述和重要讲话精神",
        "形成了企业和项目的全生命周期服务体系。",
    ),
    Row(
        PAGE_000, 7, "沁源经济技术开发区", "", "",
        "沁源经开区中小企业园首个落地的采矿配件项目开始试生产", "", "本刊讯",
        "(常珍珍 张帆)", ["常珍珍", "张帆"],
        "沁源经济技术开发区中小企业园首个落地项目——山西鑫锋矿山设备有限公司进入试生产阶段",
        "将填补沁源在数字化、电子信息制造等高端装备制造领域的空白。",
    ),
    Row(
        PAGE_000, 8, "祁县经济开发区", "祁县经济开发区", "", "全力打好争资金上项目主动战", "",
        "本刊讯", "(李功)", ["李功"],
        "祁县经济开发区按照省、市、县的安排部署",
        "预计可下达奖励资金50余万元。",
    ),
    # --- 001 -------------------------------------------------------------------------------
    Row(
        PAGE_001, 1, "运城经济技术开发区", "运城经济技术开发区", "",
        "锚定目标奋力行 实现首季“开门红”", "", "科学导报讯", "刘三红", ["刘三红"],
        "实现首季开门红，带动全年红",
        "为奋力谱写中国式现代化运城开发区篇章提供坚强纪律保障。",
    ),
    Row(
        PAGE_001, 2, "长治高新技术产业开发区", "长治高新区", "", "召开信创专业镇工作推进会",
        "", "科学导报讯", "牛丽丽", ["牛丽丽"],
        "长治高新区组织相关企业、高校召开信创专业镇工作推进会",
        "把信创专业镇打造成有灵魂、有人气、有生命力的专业镇。",
    ),
    Row(
        PAGE_001, 3, "大同经济技术开发区", "大同经济技术开发区", "",
        "一般公共预算收入实现首季“开门红”", "", "科学导报讯", "王晓晔", ["王晓晔"],
        "大同经济技术开发区财政运营部全面分析当前面临的形势任务",
        "为推动经济高质量发展提供更加可靠的财力保障。",
    ),
    Row(
        PAGE_001, 4, "广灵经济技术开发区", "广灵经济技术开发区", "",
        "举办2024年招商引资专题系列培训活动", "", "科学导报讯", "周慧敏", ["周慧敏"],
        "广灵经济技术开发区举办了“2024年招商引资专题系列培训暨广灵经开区大讲堂”培训会",
        "为经济强区注入新动能。",
    ),
    Row(
        PAGE_001, 5, "长治经济技术开发区", "长治经济技术开发区", "",
        "安排部署今年重点项目建设工作", "", "科学导报讯", "靳晓殊", ["靳晓殊"],
        "长治经济技术开发区召开2024年项目建设推进会",
        "全面保障各重点项目建设有序进行。",
    ),
    Row(
        PAGE_001, 6, "祁县经济开发区", "祁县经济开发区", "",
        "持续开展政银企对接 促进民营经济高质量发展", "", "科学导报讯", "董保彤",
        ["董保彤"],
        "祁县经济开发区召开2024年二季度政银企对接会",
        "中科大通等企业与金融机构达成了初步合作意向。",
    ),
    Row(
        PAGE_001, 7, "屯留经济技术开发区", "屯留经济技术开发区", "",
        "全省重点工程——安得瑞项目建设正酣", "", "科学导报讯", "郭庆", ["郭庆"],
        "全省重点工程，山西安得瑞人防防化配套设备项目施工现场一片繁忙景象",
        "推动当地经济建设和增加就业具有积极作用。",
    ),
    Row(
        PAGE_001, 8, "汾阳杏花村经济技术开发区", "", "",
        "汾阳杏花村经济技术开发区党工委与汾阳市委老干部局党委签订联合推进党建工作协议",
        "", "科学导报讯", "李志平", ["李志平"],
        "汾阳杏花村经济技术开发区党工委和汾阳市委老干部局党委签订",
        "以及部分退休的老领导参加了此次活动。",
    ),
    # --- 002 -------------------------------------------------------------------------------
    Row(
        PAGE_002, 1, "朔州经济开发区", "", "抓招商 推项目 强企业",
        "朔州经开区实现一季度财政开门红", "", "", "麻洁琼", ["麻洁琼"],
        "1月份，累计完成8592万元，同比增长5.3%",
        "提升企业市场竞争力。",
    ),
    Row(
        PAGE_002, 2, "原平经济技术开发区", "原平经济技术开发区", "",
        "强基础促改革 开启产城融合发展新征程", "", "科学导报讯", "进晓宇", ["进晓宇"],
        "原平经济技术开发区在基础设施建设、公共服务平台市场化改革",
        "在产城融合的道路上大步迈进。",
    ),
    Row(
        PAGE_002, 3, "潇河新兴产业园区", "", "潇河新兴产业园区代王路项目",
        "施工稳步推进 确保按时建成投运", "", "科学导报讯", "郑婷", ["郑婷"],
        "4月14日，在山西转型综改示范区潇河新兴产业园区代王路(紫林路—文源路)项目建设现场",
        "确保项目按时建成投运。",
    ),
    Row(
        PAGE_002, 4, "永济经济技术开发区", "永济经济技术开发区", "", "政策赋能 助企发展", "",
        "科学导报讯", "周宁", ["周宁"],
        "4月23日，永济市2025年涉企政策宣讲会永济经济技术开发区顺利举行",
        "助力区域经济高质量发展。",
    ),
    Row(
        PAGE_002, 5, "安泽经济技术开发区", "安泽经济技术开发区", "",
        "“云网融合”升级智控平台", "", "科学导报讯", "李阳", ["李阳"],
        "安泽经济技术开发区完成了化工园区智能化管控平台升级改造项目",
        "共同探索园区数字化发展的新路径。",
    ),
    Row(
        PAGE_002, 6, "武乡现代农业产业示范区", "武乡现代农业产业示范区——", "",
        "“三链融合”换挡提速 “提质增效”驰而不息", "", "", "王波", ["王波"],
        "园区是企业发展的载体，是经济增长的重要引擎",
        "为园区高质量发展的突围突破注入更强劲动力。",
    ),
    # --- 003 -------------------------------------------------------------------------------
    Row(
        PAGE_003, 1, "云冈经济技术开发区", "云冈经济技术开发区", "",
        "显“韧劲” 铆“冲劲” 蓄“后劲”", "", "本刊讯", "(王波)", ["王波"],
        "云冈经济技术开发区积极强化项目建设，不断完善产业配套",
        "为经济更高质量发展积蓄向上之势。",
    ),
    Row(
        PAGE_003, 2, "垣曲经济技术开发区", "垣曲经济技术开发区", "",
        "采取有力措施 护航经济运行", "", "本刊讯", "(刘记明)", ["刘记明"],
        "垣曲经济技术开发区以创新思维和科学方法适应发展新要求",
        "提升行业数据质量奠定基础。",
    ),
    Row(
        PAGE_003, 3, "临汾经济开发区", "", "",
        "省发改委开复工指导服务保障第六调研组在临汾经济开发区调研", "", "本刊讯",
        "(赵娟秀)", ["赵娟秀"],
        "省发改委开复工指导服务保障第六调研组组长李肇伟带队在临汾经济开发区调研",
        "确保项目建设高标准高质量推进。",
    ),
    Row(
        PAGE_003, 4, "武乡现代农业产业示范区", "武乡现代农业产业示范区", "",
        "大兴调查研究之风 提升发展决策水平", "", "本刊讯", "", [],
        "武乡现代农业产业示范区坚持抓工作调研在先，大兴调查研究之风",
        "全力打造高质量发展先行区。",
    ),
    Row(
        PAGE_003, 5, "祁县经济开发区", "祁县经济开发区", "",
        "紧盯“四式”指挥棒 奏响发展奋进曲", "", "本刊讯", "(陈强)", ["陈强"],
        "祁县经济开发区认真贯彻落实党的二十大精神",
        "让企业和群众少跑腿。",
    ),
    # --- 004 -------------------------------------------------------------------------------
    Row(
        PAGE_004, 1, "朔州经济开发区", "", "", "又踏层峰望眼开 风起经开立潮头",
        "——朔州经济开发区经济社会发展综述", "", "麻洁琼", ["麻洁琼"],
        "改革新区、倾听发展澎湃潮声；开放高地、演绎波澜壮阔新篇。",
        "风起扬帆，正当其时；山行川行，锦绣将开，必定蛰英腾跃、未来可期。",
    ),
]  # fmt: skip

PAGE_COUNTS = {PAGE_000: 8, PAGE_001: 8, PAGE_002: 6, PAGE_003: 5, PAGE_004: 1}

CAPTIONS_004 = [
    "位于临港物流园的朔州机场",
    "日新月异的朔州经济开发区",
    "园区重点企业山西欣晋元中药材车间",
    "园区重点企业于瑞电冰车间",
    "园区重点企业金华实业激光覆技术",
    "中小制造业产业集群园厂房林立",
    "园区重点企业北大研发中心",
    "新兴产业园入驻企业有名智控生产车间",
    "神头二电厂",
    "2024年第一次“三个一批”活动朔州分会场",
    "诺浩机电公司矿用新能源运车生产车间工人在工作中",
    "园区重点企业晋能风电",
    "园区重点企业中煤四达",
    "园区重点企业繁盛昇新上的智能修复设备",
    "粉煤灰综合利用项目程源建材节能环保建材产品深受市场欢迎",
    "迎宾大道全线半幅通车",
    "迎宾大道加宽施工现场",
]

# (file, line number, text, reason), read off the pages.
LEFTOVERS = [
    (PAGE_002, 47, "亮点新闻 liangdian xinwen", "栏目名"),
    (PAGE_004, 5, "两会", "版头"),
    (PAGE_004, 7, "特刊·开发区篇", "版头"),
    (PAGE_004, 152, "“解放思想 实事求是 真抓实干 久久为功”", "标语"),
    (PAGE_004, 154, "朔州经济开发区", "标语落款"),
]


def article_at(file: str, position: int) -> Article:
    return Article.objects.select_related("zone", "issue").get(
        source_file=file, source_position=position
    )


def find_article(file: str, fragment: str) -> Article:
    return Article.objects.get(source_file=file, title__contains=fragment)


pytestmark = pytest.mark.django_db


def test_import_reported_no_failure(seeded):
    assert seeded["stderr"] == ""
    assert "共导入 5 个文件、28 篇稿件。" in seeded["stdout"]


def test_twenty_eight_articles_in_all(seeded):
    assert len(ARTICLES) == 28
    assert Article.objects.count() == 28


@pytest.mark.parametrize("file,count", PAGE_COUNTS.items())
def test_articles_per_page(seeded, file, count):
    assert Article.objects.filter(source_file=file).count() == count
    positions = sorted(Article.objects.filter(source_file=file).values_list("position", flat=True))
    assert positions == list(range(1, count + 1))


@pytest.mark.parametrize("row", ARTICLES, ids=lambda row: f"{row.file[:3]}-{row.position}")
def test_article(seeded, row):
    article = article_at(row.file, row.position)
    assert article.position == row.position
    assert article.page == 1
    assert article.title == row.title
    assert article.kicker == row.kicker
    assert article.subtitle == row.subtitle
    assert article.zone_label == row.zone_label
    assert article.dateline == row.dateline
    assert article.byline == row.byline
    assert article.author_names() == row.authors
    assert article.zone is not None, "no zone"
    assert article.zone.official_name == row.zone
    paragraphs = article.paragraphs
    assert row.first in paragraphs[0]
    assert row.last in paragraphs[-1]
    # The dateline and the byline are fields of their own, not text of the body.
    assert not article.body.startswith(("科学导报讯", "本刊讯"))
    if row.byline:
        assert not paragraphs[-1].endswith(row.byline)


def test_every_article_is_published(seeded):
    assert set(Article.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


@pytest.mark.parametrize("file", SEED_FILES)
def test_issue_comes_from_manifest(seeded, file):
    issue_data = manifest_entry(file)["issue"]
    issues = {a.issue for a in Article.objects.filter(source_file=file).select_related("issue")}
    assert len(issues) == 1
    (issue,) = issues
    assert issue.date == datetime.date.fromisoformat(issue_data["date"])
    assert issue.date_inferred is True
    assert issue.title == issue_data["title"]
    assert issue.is_special is issue_data["is_special"]
    assert issue.number is None


def test_special_issue_of_page_004(seeded):
    issue = Issue.objects.get(date=datetime.date(2024, 3, 5))
    assert issue.title == "两会特刊·开发区篇"
    assert issue.is_special
    assert Issue.objects.filter(is_special=True).count() == 1
    assert Issue.objects.count() == 5


# --- the split article on page 000 --------------------------------------------------------


def test_split_article_is_one_article(seeded):
    article = find_article(PAGE_000, "筑牢党建根基")
    assert article.zone_label == "盐湖高新技术产业开发区"
    assert article.title == "筑牢党建根基 助力高质量发展"
    assert article.dateline == "本刊讯"
    assert article.byline == "(刘记明)"
    assert article.paragraphs[0].startswith("为深入学习贯彻习近平总书记")
    # The half before 吉林威创… and the half after the heading are one article, re-joined
    # where the column broke "盐湖高新区党" / "工委突出工作重点".
    assert "盐湖高新区党工委突出工作重点，扭住关键环节" in article.body
    assert article.paragraphs[1].startswith("作为运城市唯一一家高新区")
    assert article.paragraphs[1].endswith("推动党建和发展双向互促、提质增效。")
    assert [p[:2] for p in article.paragraphs[2:]] == ["一是", "二是", "三是", "四是"]
    assert "构建“链条+链主+支部”的组织体系" in article.body
    # Neither half shows up anywhere else.
    assert Article.objects.filter(body__contains="为深入学习贯彻习近平总书记").count() == 1
    assert Article.objects.filter(body__contains="工委突出工作重点").count() == 1
    weichuang = find_article(PAGE_000, "吉林威创")
    assert "盐湖" not in weichuang.body
    assert weichuang.paragraphs[-1].endswith("携手实现共同发展。")


# --- column breaks and subheadings --------------------------------------------------------

COLUMN_JOINS = [
    (PAGE_000, 1, "其实际发展中，财政资金起着引领和托底的双重作用，在经开区"),
    (PAGE_000, 1, "既要破除“不想、不敢、不会”的思想，也要结合财政工作长项"),
    (PAGE_000, 4, "是一家集研发、铸造、加工装配、新能源运维为一体的综合型民营制造企业。"),
    (PAGE_000, 4, "持续打造“六最”营商环境，全力当好“店小二”"),
    (PAGE_000, 4, "为企业发展创造良好环境，提供优质服务，实现双方互利共赢。"),
    (PAGE_000, 5, "期间，赵自成(新乡)起重机械有限公司"),
    (PAGE_000, 5, "高鹏飞对王丽君一行的到来表示热烈欢迎"),
    (PAGE_000, 6, "获评中国产学研合作创新示范基地"),
    (PAGE_000, 7, "今年以来，沁源县发扬“四敢”精神，营造“四敢”氛围"),
    (PAGE_001, 1, "深刻领会发展新质生产力、推动高质量发展的新形势新要求"),
    (PAGE_001, 1, "四是突出招大引强毫不放松抓招商。一是持续强化产业链招商"),
    (PAGE_001, 7, "在加快推进重大工程项目建设，助推经济高质量发展过程中"),
    (PAGE_001, 7, "项目预装生产线4条，主要生产人防防化设备"),
    (PAGE_001, 8, "发展联创、困难联攻、信息联享"),
    (PAGE_001, 8, "细化落实共建协议内容，深化工作对接"),
    (PAGE_002, 1, "狠抓项目建设、全力招商引资、培植涵养税源"),
    (PAGE_002, 1, "拉动力强的重点项目运行如火如荼"),
    (PAGE_002, 3, "建设内容含道路工程、交通工程"),
    (PAGE_002, 3, "为下一步路基修筑打好基础。"),
    (PAGE_002, 6, "充分将制度优势转化为产业发展优势"),
    (PAGE_002, 6, "形成“饲料加工、畜禽养殖、粪污有机肥利用、畜禽屠宰”的肉鸡产业链"),
    (PAGE_002, 6, "打通政务服务“最后一公里”。"),
    (PAGE_003, 1, "详细了解企业2023年预计投资(包括设备购置、基础设施项目"),
    (PAGE_003, 1, "帮助企业分析无法申报规上工业的问题所在"),
    (PAGE_003, 1, "开展了多次深入的对接进行项目选址"),
    (PAGE_003, 5, "“一清单”即手续办理责任清单。"),
    (PAGE_004, 1, "减费降费、购车补贴、企业用工等问题诉求180余个"),
]  # fmt: skip


@pytest.mark.parametrize(
    "file,position,joined", COLUMN_JOINS, ids=[f"{f[:3]}-{p}-{j[:6]}" for f, p, j in COLUMN_JOINS]
)
def test_column_break_rejoined(seeded, file, position, joined):
    article = article_at(file, position)
    assert any(joined in paragraph for paragraph in article.paragraphs)


def test_column_break_paragraph_on_page_000(seeded):
    article = article_at(PAGE_000, 1)
    matches = [p for p in article.paragraphs if p.startswith("其实际发展中，财政资金起着")]
    assert matches == [
        "其实际发展中，财政资金起着引领和托底的双重作用，在经开区，财政管理运营部始终树立"
        "有解思维，坚信办法总比困难多，以财政杠杆撬动经济高质量发展。"
    ]
    # Page lines 7, 9, 11, 13+15, 17, 19, 21, 23, 25+27, 29, 31.
    assert len(article.paragraphs) == 11


def test_single_paragraph_after_two_column_breaks(seeded):
    # 屯留: three blocks on the page, broken mid-sentence twice, are one paragraph.
    article = article_at(PAGE_001, 7)
    assert len(article.paragraphs) == 1


def test_subheadings_of_wuxiang_story_stay_paragraphs(seeded):
    article = article_at(PAGE_002, 6)
    paragraphs = article.paragraphs
    for heading in ("完善机制，建强“组织链”", "培育集群，锻造“产业链”", "纾困解难，优化“服务链”"):
        assert heading in paragraphs
        following = paragraphs[paragraphs.index(heading) + 1]
        assert not following.startswith(heading)
    assert paragraphs.index("完善机制，建强“组织链”") == 2
    assert paragraphs[3].startswith("自成立以来，园区按照")
    assert paragraphs[paragraphs.index("培育集群，锻造“产业链”") + 1].startswith("通过梳理产业链")
    assert paragraphs[paragraphs.index("纾困解难，优化“服务链”") + 1].startswith("园区聚焦企业")


def test_subheadings_of_page_004_stay_paragraphs(seeded):
    paragraphs = article_at(PAGE_004, 1).paragraphs
    headings = ["向上而行——驭势而智抓党建", "向高而攀——因势而谋强招引", "向强而进——乘势而上塑格局"]
    indexes = [paragraphs.index(h) for h in headings]
    assert indexes == sorted(indexes)
    assert paragraphs[indexes[0] + 1].startswith("“党建工作难点在基层")
    assert paragraphs[indexes[1] + 1].startswith("“招商去，去招商……”")
    assert paragraphs[indexes[2] + 1].startswith("一边是招商引引瓜熟蒂落")


def test_glued_byline_leaves_last_paragraph_ending_in_full_stop(seeded):
    for file, position, byline in [
        (PAGE_001, 1, "刘三红"),
        (PAGE_001, 2, "牛丽丽"),
        (PAGE_003, 1, "(王波)"),
        (PAGE_003, 5, "(陈强)"),
    ]:
        article = article_at(file, position)
        assert article.byline == byline
        assert article.paragraphs[-1].endswith("。")
        assert byline not in article.paragraphs[-1]


# --- zones --------------------------------------------------------------------------------


def test_unconfirmed_zone_with_parent(seeded):
    zone = Zone.objects.get(official_name="潇河新兴产业园区")
    assert zone.confirmed is False
    assert zone.parent is not None
    assert zone.parent.official_name == "山西转型综合改革示范区"
    assert article_at(PAGE_002, 3).zone == zone
    # It is the only zone the seeds add to the registry.
    assert list(Zone.objects.unconfirmed().values_list("official_name", flat=True)) == [
        "潇河新兴产业园区"
    ]


def test_report_names_the_new_zone(seeded):
    assert "新发现、待核实的开发区：潇河新兴产业园区" in seeded["stdout"]


def test_zones_resolved_through_aliases(seeded):
    assert article_at(PAGE_002, 1).zone.official_name == "朔州经济开发区"  # 朔州经开区
    assert article_at(PAGE_001, 2).zone.official_name == "长治高新技术产业开发区"  # 长治高新区
    assert article_at(PAGE_002, 6).zone.official_name == "武乡现代农业产业示范区"  # …——
    assert article_at(PAGE_000, 7).zone.official_name == "沁源经济技术开发区"  # in the title
    assert article_at(PAGE_001, 8).zone.official_name == "汾阳杏花村经济技术开发区"
    assert Zone.objects.filter(official_name__in=["朔州经开区", "长治高新区"]).count() == 0


# --- captions -----------------------------------------------------------------------------


def test_captions_of_page_004(seeded):
    article = article_at(PAGE_004, 1)
    photos = list(article.photos.order_by("position"))
    assert [p.caption for p in photos] == CAPTIONS_004
    assert [p.position for p in photos] == list(range(1, 18))
    assert {p.credit for p in photos} == {""}
    assert article.genre == Genre.SURVEY
    # 麻洁琼, printed among the pictures, is the byline, not a caption.
    assert article.byline == "麻洁琼"


def test_caption_of_xiaohe_article(seeded):
    article = article_at(PAGE_002, 3)
    photos = list(article.photos.all())
    assert [(p.caption, p.credit) for p in photos] == [
        ("代王路项目建设现场。", "山西转型综改区供图")
    ]
    assert "代王路项目建设现场" not in article.body


def test_no_other_captions(seeded):
    per_file = Counter(Photo.objects.values_list("article__source_file", flat=True))
    assert per_file == Counter({PAGE_004: 17, PAGE_002: 1})


def test_captions_and_slogan_not_in_body(seeded):
    body = article_at(PAGE_004, 1).body
    for text in [*CAPTIONS_004, "解放思想", "特刊·开发区篇"]:
        assert text not in body
    assert Article.objects.filter(body__contains="liangdian").count() == 0


# --- leftovers ----------------------------------------------------------------------------


def test_leftovers(seeded):
    rows = list(
        ImportLeftover.objects.order_by("source_file", "line_number").values_list(
            "source_file", "line_number", "text", "reason"
        )
    )
    assert rows == LEFTOVERS
    assert not ImportLeftover.objects.filter(reviewed=True).exists()


# --- the call for papers ------------------------------------------------------------------


def test_call_for_papers(seeded):
    assert CallForPapers.objects.count() == 1
    call = CallForPapers.objects.get()
    assert call.source_file == PAGE_003
    assert call.date == datetime.date(2023, 3, 28)
    assert call.issuer == "《开发区建设》周刊编辑部"
    assert call.addressee == "全省各开区"
    assert call.max_photos == 1
    assert call.submission_email == "kfjqszk@163.com"
    assert list(call.themes.order_by("number").values_list("number", "name")) == [
        (1, "三个一批"),
        (2, "招才引智"),
        (3, "科技创新"),
        (4, "优势企业"),
        (5, "营商环境"),
    ]
    assert call.themes.get(number=2).description.startswith("加强与科研院所联系")
    assert list(call.genres.order_by("position").values_list("genre", "target_length")) == [
        ("消息", 800),
        ("通讯", 1500),
        ("评论", 1000),
    ]
    rewards = list(call.rewards.order_by("number").values_list("number", "text"))
    assert [number for number, _ in rewards] == [1, 2]
    assert "《投稿人稿件清单和篇目》" in rewards[0][1]
    assert "为前20名颁发《优秀撰稿人》证书" in rewards[1][1]
    assert list(call.contacts.order_by("position").values_list("name", "phone")) == [
        ("王波", "13935108044"),
        ("郑婷", "0351-7537089"),
    ]
    assert call.introduction.startswith("今年以来，全省各开发区以强烈的使命感和责任感")
    assert call.introduction.endswith("本刊编辑部发出征稿启事。相关要求说明如下：")
    assert call.guidance.startswith("深入贯彻落实省委书记蓝佛安1月29日在吕梁调研")
    assert call.themes_intro == "可按以下主题写作稿件："
    # The column break inside "若 / 需配图" is re-joined.
    assert "不论哪种体裁，若需配图，均可配1张。" in call.requirements
    assert call.special_note.startswith("特别提示：通讯体裁的稿件")
    assert call.source_text.startswith("征稿启事")
    assert call.source_text.rstrip().endswith("《开发区建设》周刊编辑部 2023年3月28日")


def test_call_for_papers_is_not_an_article(seeded):
    assert not Article.objects.filter(title__contains="征稿").exists()
    assert not Article.objects.filter(body__contains="kfjqszk@163.com").exists()
    last = article_at(PAGE_003, 5)
    assert last.paragraphs[-1].endswith("让企业和群众少跑腿。")


# --- genres and contributors --------------------------------------------------------------


def test_datelined_pieces_are_news(seeded):
    for article in Article.objects.exclude(dateline=""):
        assert article.genre == Genre.NEWS, article.title


def test_contributors_are_shared_across_pages(seeded):
    from articles.models import Contributor

    # 王波 signs on pages 000, 002 and 003; 麻洁琼 on 000, 002 and 004; 刘记明 on 000 and 003.
    assert Contributor.objects.filter(name="王波").count() == 1
    assert Contributor.objects.get(name="王波").authorships.count() == 3
    assert Contributor.objects.get(name="麻洁琼").authorships.count() == 3
    assert Contributor.objects.get(name="刘记明").authorships.count() == 2
    expected_names = {name for row in ARTICLES for name in row.authors}
    assert set(Contributor.objects.values_list("name", flat=True)) == expected_names
