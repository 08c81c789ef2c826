package org.jianhu.project.bench.portfolio;

import org.jianhu.contracts.common.OrganisationReference;

import java.util.List;
import java.util.Random;

/**
 * Where the generated portfolio lies and who takes part in it: a dozen regions of Zhejiang, each with two
 * supervisors, its finance bureau and its quality station; the owner organisations, each building what it builds;
 * and a pool of thousands of suppliers, large enough that no supplier wins from one buyer again and again by chance
 * (R15 stays for the projects meant to trip it). The accounts are also {@code bench/portfolio-users.yml}, which the
 * service reads to know the supervisors (a test keeps the two alike).
 */
final class Zhejiang {

    record Region(String id, String name, String cityCode, int weight) {

        List<String> supervisors() {
            String base = "sup-" + id.toLowerCase();
            return List.of(base + "-1", base + "-2");
        }

        OrganisationReference financeBureau() {
            return new OrganisationReference(uscc("11", cityCode, "FIN"), name + "财政局");
        }

        OrganisationReference qualityStation() {
            return new OrganisationReference(uscc("12", cityCode, "QSS"), name + "建设工程质量安全监督站");
        }
    }

    record Owner(String id, String name, int weight, long minBudget, long maxBudget, List<String> facilities) {

        String user() {
            return "owner-" + id;
        }

        /** The legal entity of this organisation in a region, which receives appropriations and pays suppliers. */
        OrganisationReference entityIn(Region region) {
            return new OrganisationReference(uscc("11", region.cityCode(), id), region.name() + name);
        }
    }

    static final String ADMIN = "admin-portfolio";
    static final String ADMIN_ORGANISATION = "development-commission";
    static final String AUDITOR = "aud-portfolio";

    static final List<Region> REGIONS = List.of(
            new Region("Hangzhou", "杭州市", "330100", 16),
            new Region("Ningbo", "宁波市", "330200", 14),
            new Region("Wenzhou", "温州市", "330300", 11),
            new Region("Jiaxing", "嘉兴市", "330400", 7),
            new Region("Huzhou", "湖州市", "330500", 6),
            new Region("Shaoxing", "绍兴市", "330600", 8),
            new Region("Jinhua", "金华市", "330700", 8),
            new Region("Quzhou", "衢州市", "330800", 4),
            new Region("Zhoushan", "舟山市", "330900", 4),
            new Region("Taizhou", "台州市", "331000", 8),
            new Region("Lishui", "丽水市", "331100", 5),
            new Region("Xiaoshan", "杭州市萧山区", "330109", 9));

    static final List<Owner> OWNERS = List.of(
            new Owner("transport-bureau", "交通运输局", 22, 50_000_000L, 3_000_000_000L,
                    List.of("快速路", "大桥", "隧道", "互通立交", "国省道")),
            new Owner("water-authority", "水利局", 14, 20_000_000L, 800_000_000L,
                    List.of("海塘", "排涝泵站", "水库除险加固", "河道综合整治")),
            new Owner("housing-bureau", "住房和城乡建设局", 16, 50_000_000L, 1_200_000_000L,
                    List.of("保障性住房", "安置房", "综合管廊", "老旧小区改造")),
            new Owner("health-commission", "卫生健康委员会", 10, 80_000_000L, 1_500_000_000L,
                    List.of("人民医院", "急救中心", "妇幼保健院", "疾控中心")),
            new Owner("education-bureau", "教育局", 14, 20_000_000L, 400_000_000L,
                    List.of("实验学校", "中学", "小学", "幼儿园")),
            new Owner("port-group", "港航管理中心", 6, 100_000_000L, 2_500_000_000L,
                    List.of("集装箱码头", "港区疏港公路", "航道整治")),
            new Owner("rail-transit-group", "轨道交通集团", 6, 500_000_000L, 8_000_000_000L,
                    List.of("地铁线", "车辆基地", "换乘枢纽")),
            new Owner("urban-construction-group", "城市建设投资集团", 12, 30_000_000L, 1_000_000_000L,
                    List.of("城市公园", "体育中心", "污水处理厂", "会展中心")));

    static final List<String> PLACES = List.of("东湖", "西溪", "滨江", "临平", "钱塘", "之江", "城北", "城南", "新城",
            "高新", "江东", "江北", "望海", "青山", "白沙", "金沙", "凤凰", "龙湾", "云和", "桐溪", "梅山", "春晓", "长河",
            "湖滨", "南浔", "柯桥", "上虞", "东阳", "永康", "江山", "普陀", "岱山", "椒江", "路桥", "瓯海", "乐清", "海宁",
            "桐乡", "安吉", "德清");

    private static final List<String> STEMS = List.of("华盛", "恒通", "中天", "海兴", "宏达", "东方", "金诚", "永盛",
            "鼎泰", "瑞丰", "天成", "广厦", "顺达", "新宇", "嘉禾", "明远", "正泰", "信和", "安泰", "汇通", "远大", "隆基",
            "华建", "世纪", "通达", "民安", "兴业", "宝业", "富春", "钱江", "越秀", "天和", "昌盛", "联发", "德信", "宏盛",
            "华越", "精工", "中兴", "科达", "众城", "国泰", "长城", "建宏", "大成", "振华", "万安", "双林", "海天", "锦绣",
            "方圆", "云海", "金鼎", "恒信", "瑞安", "博远", "华东", "绿洲", "同济", "开元");

    private static final List<String> CONSTRUCTION_FORMS = List.of("建设集团有限公司", "建工有限公司",
            "市政工程有限公司", "交通工程有限公司", "路桥建设有限公司");
    private static final List<String> DESIGN_FORMS = List.of("规划设计研究院有限公司", "建筑设计院有限公司",
            "工程咨询有限公司");
    private static final List<String> SUPERVISION_FORMS = List.of("工程监理有限公司", "建设监理咨询有限公司",
            "工程管理有限公司");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "罗");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英", "建华");

    private Zhejiang() {
    }

    static Region region(Random random) {
        return weighted(REGIONS, Region::weight, random);
    }

    static Owner owner(Random random) {
        return weighted(OWNERS, Owner::weight, random);
    }

    static Region region(String id) {
        return REGIONS.stream().filter(region -> region.id().equals(id)).findFirst().orElseThrow();
    }

    /** One supplier of {@code nature} out of the pool of several thousand, by its home city, stem and form. */
    static OrganisationReference supplier(String nature, Random random) {
        List<String> forms = switch (nature) {
            case "design" -> DESIGN_FORMS;
            case "supervision" -> SUPERVISION_FORMS;
            default -> CONSTRUCTION_FORMS;
        };
        Region home = REGIONS.get(random.nextInt(REGIONS.size()));
        int stem = random.nextInt(STEMS.size());
        int form = random.nextInt(forms.size());
        String name = home.name().replace("市", "").replace("杭州萧山区", "萧山") + STEMS.get(stem) + forms.get(form);
        return new OrganisationReference(uscc("91", home.cityCode(), nature.charAt(0) + "" + stem + "-" + form), name);
    }

    /** A labour subcontractor, who holds no contract of the project: paying it directly is what R08 flags. */
    static OrganisationReference subcontractor(Region region, Random random) {
        int stem = random.nextInt(STEMS.size());
        return new OrganisationReference(uscc("92", region.cityCode(), "L" + stem),
                region.name().replace("市", "") + STEMS.get(stem) + "劳务有限公司");
    }

    static String person(Random random) {
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
    }

    static String supervisorName(String supervisor) {
        int hash = Math.floorMod(supervisor.hashCode(), SURNAMES.size() * GIVEN.size());
        return SURNAMES.get(hash % SURNAMES.size()) + GIVEN.get(hash / SURNAMES.size());
    }

    /**
     * An identifier shaped like a unified social credit code (18 characters: registering authority and kind,
     * the administrative division, then the organisation), derived from what names the party so that the same
     * party always has the same code. Not a valid code: the check character is not computed.
     */
    static String uscc(String kind, String division, String key) {
        String organisation = Long.toString(Math.floorMod((long) (division + "/" + key).hashCode() * 2_654_435_761L,
                36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36).toUpperCase();
        return "CN-USCC-" + kind + division + "0".repeat(9 - organisation.length()) + organisation + "X";
    }

    private static <T> T weighted(List<T> items, java.util.function.ToIntFunction<T> weight, Random random) {
        int total = items.stream().mapToInt(weight).sum();
        int pick = random.nextInt(total);
        for (T item : items) {
            pick -= weight.applyAsInt(item);
            if (pick < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }
}
