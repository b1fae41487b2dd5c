"""Texts for the near-copy tests: one release as two zones rewrote it, a resubmission with small
edits, and pieces on the same theme that tell another story."""

# What the province sent to every zone after the meeting.
RELEASE_PARAGRAPHS = [
    "会议指出，今年以来，全省开发区坚持以高质量发展为主线，扭住项目建设这个“牛鼻子”，"
    "一季度全省开发区新签约项目412个，总投资2863亿元，新开工项目298个，实际利用外资同比增长12.6%，"
    "开发区作为全省经济发展主引擎、主阵地、主战场的作用进一步彰显。",
    "会议要求，各开发区要深化“承诺制+标准地+全代办”改革，推行“拿地即开工”，"
    "让企业办事像网购一样方便；要围绕特色专业镇和重点产业链精准招商，"
    "瞄准长三角、粤港澳大湾区开展驻点招商，力争全年签约项目数和投资额实现“双增长”。",
    "会议强调，要以“三个一批”活动为抓手，抓好签约项目落地、开工项目投产、投产项目达效，"
    "建立项目全生命周期服务机制，对重点项目实行“一项目一专班”，及时协调解决用地、用能、"
    "融资等要素保障问题，确保上半年实现“时间过半、任务过半”。",
    "会议还对安全生产、生态环境保护和干部作风建设作了安排部署，"
    "要求各开发区压紧压实责任，守牢安全底线，以过硬作风推动各项任务落地见效。",
]

# 朔州 rewrote the lead to put itself first, kept the body, and dropped the closing paragraph.
ZONE_A_TITLE = "朔州经开区参加全省开发区一季度工作推进会"
ZONE_A_BODY = "\n\n".join(
    [
        "科学导报讯 4月18日，全省开发区一季度工作推进会以视频形式召开，朔州经济开发区党工委、"
        "管委会主要负责同志和各部门负责人在朔州分会场参加会议。",
        *RELEASE_PARAGRAPHS[:3],
        "会后，朔州经开区立即召开专题会议，对贯彻落实会议精神作出安排。",
    ]
)

# 运城 wrote its own lead, reworded a few phrases and kept the rest.
ZONE_B_TITLE = "全省开发区工作推进会召开 运城经开区在分会场参会"
ZONE_B_BODY = "\n\n".join(
    [
        "本刊讯 4月18日，全省开发区一季度工作推进会召开，运城经济技术开发区在运城分会场组织收看。",
        RELEASE_PARAGRAPHS[0].replace("今年以来", "2024年以来"),
        RELEASE_PARAGRAPHS[1].replace("让企业办事像网购一样方便；", ""),
        RELEASE_PARAGRAPHS[2],
        RELEASE_PARAGRAPHS[3].replace("压紧压实责任", "切实扛起责任"),
        "运城经开区表示，将把会议精神落实到项目建设和招商引资的各项工作中。",
    ]
)

# The same theme (a zone's first-quarter figures and its projects), another story.
SAME_THEME_TITLE = "大同经开区一季度项目建设跑出加速度"
SAME_THEME_BODY = "\n\n".join(
    [
        "科学导报讯 一季度，大同经济技术开发区聚焦项目建设主战场，坚持“以项目论英雄”，"
        "新开工项目18个，总投资96亿元，其中亿元以上项目11个；固定资产投资同比增长15.3%。",
        "在招商引资方面，经开区组建了新能源、装备制造、生物医药三个招商专班，"
        "先后赴京津冀、长三角对接企业40余家，签约项目9个，总投资72.4亿元。",
        "经开区还深化审批制度改革，推行“承诺制”审批，项目从拿地到开工平均用时缩短至30天，"
        "为企业节省了大量时间成本。下一步，经开区将继续优化营商环境，推动项目早投产、早见效。",
    ]
)


def with_small_edits(text: str) -> str:
    """What a correspondent changes before sending a piece again: a date, a figure, a phrase,
    punctuation and line breaks."""
    return (
        text.replace("4月18日", "4月19日")
        .replace("412个", "415个")
        .replace("，", "、", 3)
        .replace("\n\n", "\n")
        .replace("及时协调解决", "协调解决")
    )
