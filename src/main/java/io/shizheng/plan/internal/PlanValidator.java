package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.shizheng.platform.InvalidInputException.FieldProblem;

/** The rules a plan must keep after any edit; a plan that breaks one is refused whole. */
final class PlanValidator {

    private PlanValidator() {
    }

    static List<FieldProblem> validate(PlanDocument plan, Predicate<String> metricExists, Predicate<Long> agencyExists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.year() < 1912 || plan.year() > 2200) {
            problems.add(new FieldProblem("year", "年度須為西元年，例如 2018 / year must be a Gregorian year such as 2018"));
        }
        if (blank(plan.title())) {
            problems.add(new FieldProblem("title", "計畫名稱不可空白 / title is required"));
        }
        Set<String> goalCodes = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        List<PlanDocument.Goal> goals = present(plan.goals(), "goals", problems);
        for (int g = 0; g < goals.size(); g++) {
            PlanDocument.Goal goal = goals.get(g);
            String gp = "goals[" + g + "]";
            if (goal == null) {
                problems.add(new FieldProblem(gp, REQUIRED));
                continue;
            }
            if (blank(goal.code())) {
                problems.add(new FieldProblem(gp + ".code", "策略目標代碼不可空白 / goal code is required"));
            } else if (!goalCodes.add(goal.code().trim())) {
                problems.add(new FieldProblem(gp + ".code", "策略目標代碼重複：" + goal.code() + " / duplicate goal code"));
            }
            if (blank(goal.name())) {
                problems.add(new FieldProblem(gp + ".name", "策略目標名稱不可空白 / goal name is required"));
            }
            if (negative(goal.weight())) {
                problems.add(new FieldProblem(gp + ".weight", "權重不可為負或空白 / weight must be zero or more"));
            }
            BigDecimal sum = BigDecimal.ZERO;
            List<PlanDocument.Indicator> indicators = present(goal.indicators(), gp + ".indicators", problems);
            for (int i = 0; i < indicators.size(); i++) {
                PlanDocument.Indicator ind = indicators.get(i);
                String ip = gp + ".indicators[" + i + "]";
                if (ind == null) {
                    problems.add(new FieldProblem(ip, REQUIRED));
                    continue;
                }
                if (blank(ind.code())) {
                    problems.add(new FieldProblem(ip + ".code", "指標代碼不可空白 / indicator code is required"));
                } else if (!indicatorCodes.add(ind.code().trim())) {
                    problems.add(new FieldProblem(ip + ".code", "指標代碼重複：" + ind.code() + " / duplicate indicator code"));
                }
                if (blank(ind.name())) {
                    problems.add(new FieldProblem(ip + ".name", "指標名稱不可空白 / indicator name is required"));
                }
                if (blank(ind.measure())) {
                    problems.add(new FieldProblem(ip + ".measure", "衡量標準不可空白 / measure is required"));
                }
                if (blank(ind.unit())) {
                    problems.add(new FieldProblem(ip + ".unit", "單位不可空白 / unit is required"));
                }
                if (ind.direction() == null) {
                    problems.add(new FieldProblem(ip + ".direction", "請選擇方向 HIGHER 或 LOWER / direction must be HIGHER or LOWER"));
                }
                if (ind.aggregation() == null) {
                    problems.add(new FieldProblem(ip + ".aggregation", "請選擇彙總方式 SUM、RATIO 或 LEVEL / aggregation must be SUM, RATIO or LEVEL"));
                }
                if (negative(ind.weight())) {
                    problems.add(new FieldProblem(ip + ".weight", "權重不可為負或空白 / weight must be zero or more"));
                } else {
                    sum = sum.add(ind.weight());
                }
                if (negative(ind.target())) {
                    problems.add(new FieldProblem(ip + ".target", "目標值不可為負或空白 / target must be zero or more"));
                }
                if (ind.ownerAgencyId() != null && !agencyExists.test(ind.ownerAgencyId())) {
                    problems.add(new FieldProblem(ip + ".ownerAgencyId", "主辦機關不存在 / owner agency does not exist"));
                }
                String source = ind.source();
                if (source == null || !(source.equals("MANUAL") || source.startsWith("METRIC:"))) {
                    problems.add(new FieldProblem(ip + ".source", "資料來源須為 MANUAL 或 METRIC:<名稱> / source must be MANUAL or METRIC:<name>"));
                } else if (ind.metricName() != null && !metricExists.test(ind.metricName())) {
                    problems.add(new FieldProblem(ip + ".source", "沒有名為 " + ind.metricName() + " 的系統指標 / no such metric"));
                }
            }
            if (!negative(goal.weight()) && goal.weight().compareTo(sum) != 0) {
                problems.add(new FieldProblem(gp + ".weight", "策略目標「%s」權重 %s 須等於其指標權重合計 %s / goal weight must equal the sum of its indicators' weights"
                        .formatted(goal.name(), goal.weight().stripTrailingZeros().toPlainString(), sum.stripTrailingZeros().toPlainString())));
            }
        }
        Set<Integer> seqs = new HashSet<>();
        List<PlanDocument.Program> programs = present(plan.programs(), "programs", problems);
        for (int p = 0; p < programs.size(); p++) {
            PlanDocument.Program program = programs.get(p);
            String pp = "programs[" + p + "]";
            if (program == null) {
                problems.add(new FieldProblem(pp, REQUIRED));
                continue;
            }
            if (!seqs.add(program.seq())) {
                problems.add(new FieldProblem(pp + ".seq", "計畫序號重複：" + program.seq() + " / duplicate program number"));
            }
            if (blank(program.name())) {
                problems.add(new FieldProblem(pp + ".name", "計畫名稱不可空白 / program name is required"));
            }
            if (negative(program.budgetThousand())) {
                problems.add(new FieldProblem(pp + ".budgetThousand", "經費不可為負或空白 / budget must be zero or more"));
            }
        }
        return problems;
    }

    private static final String REQUIRED = "不可空白 / is required";

    /** A list the document must have (an empty one is fine); null is a problem, read as empty. */
    private static <T> List<T> present(List<T> list, String field, List<FieldProblem> problems) {
        if (list == null) {
            problems.add(new FieldProblem(field, "須為清單（可為空清單）/ must be a list (it may be empty)"));
            return List.of();
        }
        return list;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean negative(BigDecimal n) {
        return n == null || n.signum() < 0;
    }
}
