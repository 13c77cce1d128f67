package io.shizheng.exchange.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.shizheng.exchange.internal.ExchangeDatasets.Dataset;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ExchangePages {

    private final Standards standards;
    private final ExchangeDatasets datasets;
    private final Consumers consumers;
    private final Usage usage;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ExchangePages(Standards standards, ExchangeDatasets datasets, Consumers consumers, Usage usage,
                  AgencyDirectory agencies, Clock clock) {
        this.standards = standards;
        this.datasets = datasets;
        this.consumers = consumers;
        this.usage = usage;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping("/exchange")
    String home(Model model) {
        CurrentUser.require();
        var all = standards.list();
        Map<Long, String> standardNames = new HashMap<>();
        all.forEach(s -> standardNames.put(s.id(), s.code() + " v" + s.version()));
        model.addAttribute("standards", all);
        model.addAttribute("standardNames", standardNames);
        model.addAttribute("datasets", datasets.list());
        model.addAttribute("consumers", consumers.list());
        model.addAttribute("agencyNames", agencyNames());
        return "exchange/home";
    }

    @GetMapping("/exchange/datasets/{code}")
    String dataset(@PathVariable String code, Model model) {
        ShizhengUser me = CurrentUser.require();
        Dataset d = datasets.get(code);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("d", d);
        model.addAttribute("standard", datasets.standardOf(d));
        model.addAttribute("grants", consumers.grants(d.id()));
        model.addAttribute("consumers", consumers.list());
        model.addAttribute("usage", usage.byKey(d.id(), today.minusDays(29), today));
        model.addAttribute("daily", usage.daily(d.id(), today.minusDays(29), today));
        model.addAttribute("owner", agencyNames().get(d.ownerAgencyId()));
        boolean manage;
        try {
            datasets.requireOwner(me, d.ownerAgencyId());
            manage = true;
        } catch (io.shizheng.platform.ForbiddenException e) {
            manage = false;
        }
        model.addAttribute("manage", manage);
        return "exchange/dataset";
    }

    @PostMapping("/exchange/datasets/{code}/rows")
    String ingest(@PathVariable String code, @RequestParam(defaultValue = "replace") String mode,
                  @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ExchangeDatasets.IngestResult r = datasets.ingestCsv(code, reader, "append".equals(mode));
            redirect.addFlashAttribute("ok", "已匯入，資料集現有 " + r.rows() + " 列 / ingested; " + r.rows() + " rows now");
        } catch (ExchangeDatasets.RowsRefused e) {
            redirect.addFlashAttribute("rowErrors", new java.util.ArrayList<>(e.problems().stream().limit(200).toList()));
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exchange/datasets/" + code;
    }

    @PostMapping("/exchange/datasets/{code}/grants")
    String grant(@PathVariable String code, @RequestParam long consumerId, @RequestParam(required = false) Integer dailyQuota,
                 RedirectAttributes redirect) {
        try {
            consumers.grant(code, consumerId, dailyQuota);
            redirect.addFlashAttribute("ok", "已授權 / granted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exchange/datasets/" + code;
    }

    @PostMapping("/exchange/datasets/{code}/publish")
    String publish(@PathVariable String code, RedirectAttributes redirect) {
        try {
            datasets.publish(code);
            redirect.addFlashAttribute("ok", "已上架 / published");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exchange/datasets/" + code;
    }

    private Map<Long, String> agencyNames() {
        return agencies.names();
    }
}
