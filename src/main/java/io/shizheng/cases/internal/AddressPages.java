package io.shizheng.cases.internal;

import java.io.InputStream;
import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The address-point page: counts, the CSV import with its history, and a try-out of the matcher. */
@Controller
class AddressPages {

    private final AddressImport imports;
    private final AddressPoints points;

    AddressPages(AddressImport imports, AddressPoints points) {
        this.imports = imports;
        this.points = points;
    }

    @GetMapping("/cases/addresses")
    String page(@RequestParam(required = false) String address, Model model) {
        AddressImport.requireImporter(CurrentUser.require());
        model.addAttribute("counts", points.counts());
        model.addAttribute("runs", imports.recent(20));
        model.addAttribute("columns", java.util.Arrays.stream(AddressImport.Column.values()).map(c -> List.of(c.names)).toList());
        model.addAttribute("address", address);
        if (address != null && !address.isBlank()) {
            if (address.length() > 300) {
                throw new InvalidInputException("address", "地址過長 / address is too long (300)");
            }
            model.addAttribute("lookup", AddressApi.lookup(points, address));
        }
        return "cases/addresses";
    }

    @PostMapping("/cases/addresses/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String replace,
                      RedirectAttributes redirect) {
        ShizhengUser me = CurrentUser.require();
        AddressImport.requireImporter(me);
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", "請選擇檔案 / choose a file");
            }
            boolean all = "true".equals(replace) || "on".equals(replace);
            redirect.addFlashAttribute("result", imports.run(in, AddressApi.name(file.getOriginalFilename()), all, me));
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        } catch (java.io.IOException e) {
            FormProblems.flash(redirect, List.of(new InvalidInputException.FieldProblem("file", "讀取檔案失敗 / could not read the file")));
        }
        return "redirect:/cases/addresses";
    }
}
