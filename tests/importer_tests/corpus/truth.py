"""What the corpus pages print, read off the page files by a person (not from the importer's
output). The pages (this folder's .txt files) were written for the tests in the layout of the
seed pages, combining its shapes in ways the five seeds do not; test_corpus.py compares every
field of every article here with the importer's reading.

A zone is the registry's official name; a zone the registry lacks is named by the fullest form
the page prints, and is_new says so. Captions are (caption, credit).
"""

from pathlib import Path
from typing import NamedTuple

CORPUS = Path(__file__).resolve().parent


class Piece(NamedTuple):
    zone: str | None
    is_new: bool
    zone_label: str
    kicker: str
    title: str
    subtitle: str
    dateline: str
    byline: str
    authors: list[str]
    captions: list[tuple[str, str]]
    paragraphs: int


FIELDS = Piece._fields

ARTICLES: dict[str, list[Piece]] = {
    "101_jiexiu_kicker.txt": [
        Piece(
            "介休经济技术开发区", True, "介休经济技术开发区", "抢抓施工黄金期 冲刺全年目标",
            "介休经开区8个重点项目集中开工", "", "本刊讯", "(任晓峰 梁媛)", ["任晓峰", "梁媛"],
            [("重点项目集中开工现场。", "介休经开区供图")], 3,
        ),
        Piece(
            "长治高新技术产业开发区", False, "长治高新技术产业开发区", "", "数字赋能 智造升级",
            "——长治高新区推进制造业数字化转型纪实", "", "王晓东 李娜 赵刚",
            ["王晓东", "李娜", "赵刚"], [], 4,
        ),
        Piece(
            "祁县经济开发区", False, "祁县经济开发区", "", "食品产业集群再添新动能", "",
            "本刊讯", "董保彤", ["董保彤"], [], 2,
        ),
    ],
    "102_houma_title_zone.txt": [
        Piece(
            "侯马经济开发区", True, "", "", "侯马经开区举办重点项目观摩活动", "", "本刊讯",
            "(张卫东)", ["张卫东"], [], 2,
        ),
        Piece(
            None, False, "", "", "全省开发区改革创新工作推进会召开", "", "本刊讯", "刘晓明",
            ["刘晓明"], [], 3,
        ),
        Piece(
            "盂县经济技术开发区", False, "盂县经济技术开发区", "", "聚力招商引资 筑牢发展根基",
            "", "本刊讯", "(王丽 陈刚)", ["王丽", "陈刚"], [], 2,
        ),
    ],
    "103_split_article.txt": [
        Piece(
            "阳泉经济技术开发区", False, "阳泉经济技术开发区", "", "打造数字经济发展新高地", "",
            "本刊讯", "(郝建军)", ["郝建军"], [], 2,
        ),
        Piece(
            "稷山经济技术开发区", False, "稷山经济技术开发区", "", "板枣产业链条越拉越长", "",
            "本刊讯", "(薛红梅)", ["薛红梅"], [], 2,
        ),
        Piece(
            "襄垣经济技术开发区", False, "襄垣经济技术开发区", "", "绷紧安全弦 守牢底线", "",
            "本刊讯", "(常珍珍 张帆 李阳)", ["常珍珍", "张帆", "李阳"], [], 2,
        ),
    ],
    "104_captions.txt": [
        Piece(
            "武乡现代农业产业示范区", False, "武乡现代农业产业示范区——", "",
            "小米产业园迎来丰收季", "", "本刊讯", "(姚雨欣)", ["姚雨欣"],
            [("示范区万亩谷子种植基地。", "王建平摄"), ("小米加工企业生产线", "")], 3,
        ),
        Piece(
            "高平经济技术开发区", False, "高平经济技术开发区", "", "新能源电池材料项目建成投产",
            "", "本刊讯", "秦志刚", ["秦志刚"],
            [("投产仪式现场。", "高平经开区供图"), ("生产车间一角", "")], 2,
        ),
    ],
    "105_bylines.txt": [
        Piece(
            "原平经济技术开发区", False, "", "", "原平经开区煤机装备产业集群加速成势", "",
            "科学导报讯", "进晓宇 郭宏伟", ["进晓宇", "郭宏伟"], [], 2,
        ),
        Piece(
            "忻州经济开发区", False, "忻州经济开发区", "", "企业服务驿站让服务更贴心", "",
            "科学导报讯", "(杨帆 周丽萍 韩冬)", ["杨帆", "周丽萍", "韩冬"], [], 2,
        ),
        Piece(
            "吕梁经济技术开发区", False, "吕梁经济技术开发区", "", "“链长制”助推产业链提质增效",
            "", "科学导报讯", "刘建华 任静", ["刘建华", "任静"], [], 2,
        ),
    ],
    "106_column_breaks.txt": [
        Piece(
            "洪洞经济技术开发区", False, "洪洞经济技术开发区", "项目建设跑出“加速度”",
            "洪洞经开区前三季度固定资产投资增长23%", "", "本刊讯", "(薛婧)", ["薛婧"], [], 3,
        ),
        Piece(
            "古县经济技术开发区", False, "古县经济技术开发区", "",
            "党建引领聚合力 园区发展添活力", "", "本刊讯", "(宋佳)", ["宋佳"], [], 3,
        ),
    ],
    "107_new_zone_fullest.txt": [
        Piece(
            "怀仁经济技术开发区", True, "", "", "怀仁经开区陶瓷产业迈向高端", "", "本刊讯",
            "(孙国庆)", ["孙国庆"], [], 2,
        ),
        Piece(
            "怀仁经济技术开发区", True, "怀仁经济技术开发区", "", "优化营商环境 激发市场活力",
            "", "本刊讯", "(孙国庆 马瑞)", ["孙国庆", "马瑞"], [], 2,
        ),
        Piece(
            "山阴经开区", True, "", "", "山阴经开区乳业全产业链加快构建", "", "本刊讯", "(田野)",
            ["田野"], [], 2,
        ),
    ],
    "108_new_zone_one_line.txt": [
        Piece(
            "灵石经济技术开发区", True, "灵石经济技术开发区", "", "新建标准化厂房交付使用", "",
            "本刊讯", "(梁晓东)", ["梁晓东"], [], 2,
        ),
        Piece(
            "运城空港经济开发区", False, "运城空港经济开发区", "", "临空经济起高峰",
            "——运城空港经济开发区建设发展综述", "", "贾文斌", ["贾文斌"],
            [("航空物流园一角。", "运城空港经开区供图")], 3,
        ),
        Piece(
            None, False, "", "", "开发区人才工作座谈会在并召开", "", "本刊讯", "(晋文)",
            ["晋文"], [], 2,
        ),
    ],
    "109_tail_first.txt": [
        Piece(
            "阳城经济技术开发区", False, "阳城经济技术开发区", "", "蚕桑产业焕发新活力", "",
            "本刊讯", "(卫晓燕)", ["卫晓燕"], [], 2,
        ),
        Piece(
            "晋城经济技术开发区", False, "晋城经济技术开发区", "", "惠企政策直达企业“心坎上”",
            "", "本刊讯", "(牛建国 申丽)", ["牛建国", "申丽"], [], 3,
        ),
    ],
    "110_slogan_signature.txt": [
        Piece(
            "新绛经济技术开发区", False, "", "稳投资 扩内需 促发展",
            "新绛经开区四季度集中签约项目9个", "", "本刊讯", "(柴鹏)", ["柴鹏"], [], 2,
        ),
        Piece(
            "繁峙经济技术开发区", False, "", "", "一张蓝图绘到底",
            "——记繁峙经济技术开发区的转型之路", "", "闫红军", ["闫红军"],
            [("园区新貌。", "闫红军摄")], 3,
        ),
    ],
    "111_kicker_caption.txt": [
        Piece(
            "潞城经济技术开发区", False, "潞城经济技术开发区", "聚焦主导产业 延链补链强链",
            "潞城经开区精细化工产业链再添新项目", "", "本刊讯", "(王志强 李红 刘洋)",
            ["王志强", "李红", "刘洋"],
            [("潞城经开区精细化工产业园。", "郭小军摄"), ("项目开工现场", "")], 3,
        ),
        Piece(
            "黎城经济技术开发区", False, "黎城经济技术开发区", "", "小小“马扎”撑起大产业", "",
            "本刊讯", "申晓飞", ["申晓飞"], [], 2,
        ),
    ],
    "112_broken_title.txt": [
        Piece(
            "太原高新技术产业开发区", False, "太原高新技术产业开发区", "",
            "太原高新区与三所高校签署产学研合作协议", "", "本刊讯", "", [], [], 2,
        ),
        Piece(
            "清徐经济开发区", False, "", "", "清徐经济开发区精细化工循环产业园通过省级认定", "",
            "本刊讯", "李建平 孟瑶", ["李建平", "孟瑶"], [], 2,
        ),
        Piece(
            "古交经济技术开发区", False, "古交经济技术开发区", "", "煤焦产业绿色转型见实效", "",
            "本刊讯", "(武丽君)", ["武丽君"], [], 2,
        ),
    ],
    "113_subtitle_captions.txt": [
        Piece(
            "右玉生态文化旅游示范区", False, "右玉生态文化旅游示范区", "", "绿水青山铺就富民路",
            "——右玉文旅示范区推动生态旅游高质量发展", "", "苏文杰", ["苏文杰"],
            [("杀虎口景区", ""), ("右玉冬季冰雪游", "")], 3,
        ),
        Piece(
            "应县经济技术开发区", True, "应县经开区", "", "应县经济技术开发区新材料产业园开园",
            "", "本刊讯", "(郑海涛)", ["郑海涛"], [], 2,
        ),
    ],
    "114_first_half_on_top.txt": [
        Piece(
            "长子经济技术开发区", False, "长子经济技术开发区", "", "“园区+合作社”模式助农增收",
            "", "本刊讯", "(马文杰 冯雪)", ["马文杰", "冯雪"], [], 2,
        ),
        Piece(
            "壶关经济技术开发区", False, "壶关经济技术开发区", "", "筑牢冬季安全生产防线", "",
            "本刊讯", "(杜文斌)", ["杜文斌"], [], 2,
        ),
    ],
    "115_park_under_zone.txt": [
        Piece(
            "山西转型综合改革示范区", False, "山西转型综合改革示范区", "抓项目 促投资",
            "潇河新兴产业园区一批重点项目加快建设", "", "科学导报讯", "郑婷 王波",
            ["郑婷", "王波"], [("潇河新兴产业园区项目建设现场。", "山西转型综改区供图")], 2,
        ),
        Piece(
            "长治高新技术产业开发区", False, "长治高新区", "", "生物医药产业集聚发展", "",
            "科学导报讯", "", [], [], 2,
        ),
        Piece(
            "清徐经济开发区", False, "清徐经开区", "", "醋产业文化旅游融合发展", "",
            "科学导报讯", "(牛丽丽)", ["牛丽丽"], [], 2,
        ),
    ],
}  # fmt: skip

# (text, reason) of what each page leaves for an editor, in the page's order.
LEFTOVERS: dict[str, list[tuple[str, str]]] = {
    "101_jiexiu_kicker.txt": [],
    "102_houma_title_zone.txt": [
        ("园区动态 yuanqu dongtai", "栏目名"),
        ("“项目为王 实干为要”", "标语"),
    ],
    "103_split_article.txt": [],
    "104_captions.txt": [],
    "105_bylines.txt": [],
    "106_column_breaks.txt": [],
    "107_new_zone_fullest.txt": [],
    "108_new_zone_one_line.txt": [],
    "109_tail_first.txt": [],
    "110_slogan_signature.txt": [
        ("“解放思想 抢抓机遇 奋发有为”", "标语"),
        ("繁峙经济技术开发区", "标语落款"),
    ],
    "111_kicker_caption.txt": [("一线传真 yixian chuanzhen", "栏目名")],
    "112_broken_title.txt": [("园区风采 yuanqu fengcai", "栏目名")],
    "113_subtitle_captions.txt": [],
    "114_first_half_on_top.txt": [("安全生产 anquan shengchan", "栏目名")],
    "115_park_under_zone.txt": [],
}

# Phrases the columns broke apart, as the joined paragraph prints them: (page, article, phrase).
COLUMN_JOINS = [
    ("101_jiexiu_kicker.txt", 1, "为企业提供“保姆式”服务，全力以赴推动项目建设提速提效。"),
    ("101_jiexiu_kicker.txt", 2, "产品不良品率平均下降32%。"),
    ("102_houma_title_zone.txt", 1, "总投资86.4亿元"),
    ("103_split_article.txt", 3, "实行销号管理。"),
    ("106_column_breaks.txt", 1, "完成固定资产投资31.7亿元"),
    ("106_column_breaks.txt", 2, "我们干事创业的劲头更足了。”一家企业负责人说。"),
    ("109_tail_first.txt", 2, "实行“一企一策”精准服务，帮助企业用足用好各项惠企政策。"),
    ("114_first_half_on_top.txt", 1, "我们种得更有劲头了。”"),
    ("114_first_half_on_top.txt", 2, "深入开展隐患排查整治，严格落实“一岗双责”"),
]

PAGES = sorted(ARTICLES)
