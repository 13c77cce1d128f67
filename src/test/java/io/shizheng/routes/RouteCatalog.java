package io.shizheng.routes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/** Every route of the running application, read from all of Spring MVC's handler mappings. */
final class RouteCatalog {

    /** A mapping without methods answers any: it is listed as a read and as a write. */
    private static final List<String> ANY = List.of("GET", "POST");

    private RouteCatalog() {
    }

    static List<Route> of(ApplicationContext context) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping infos) {
                infos.getHandlerMethods().forEach((info, method) -> add(routes, info, method));
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().forEach((pattern, handler) -> put(routes,
                        new Route("GET", pattern, handlerName(handler), false, Set.of(), Set.of(), Set.of(), Set.of(), false)));
            } else if (mapping instanceof RouterFunctionMapping functions && functions.getRouterFunction() != null) {
                throw new IllegalStateException("functional routes (" + functions.getRouterFunction()
                        + ") are not enumerated by RouteCatalog yet: teach it RouterFunctions.Visitor");
            }
        }
        List<Route> list = new ArrayList<>(routes.values());
        list.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return list;
    }

    private static void add(Map<String, Route> routes, RequestMappingInfo info, HandlerMethod method) {
        List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? ANY
                : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                        .filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
        boolean api = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || method.hasMethodAnnotation(ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        String name = method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
        Set<String> params = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        boolean listBody = false;
        for (MethodParameter p : method.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            boolean file = MultipartFile.class.isAssignableFrom(p.getParameterType())
                    || Collection.class.isAssignableFrom(p.getParameterType()) && p.getNestedParameterType() == MultipartFile.class;
            if (param != null && !Map.class.isAssignableFrom(p.getParameterType())) {
                String n = !param.name().isEmpty() ? param.name() : p.getParameterName();
                (file ? files : params).add(n);
                if (param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE) && !file
                        && BeanUtils.isSimpleProperty(p.getParameterType()) && !p.isOptional()) {
                    required.add(n);
                }
            } else if (part != null) {
                files.add(!part.name().isEmpty() ? part.name() : p.getParameterName());
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                listBody = Collection.class.isAssignableFrom(p.getParameterType()) || p.getParameterType().isArray();
            }
        }
        for (String pattern : info.getPatternValues()) {
            for (String m : methods) {
                put(routes, new Route(m, pattern, name, api, consumes, params, required, files, listBody));
            }
        }
    }

    private static void put(Map<String, Route> routes, Route route) {
        routes.putIfAbsent(route + " " + route.consumes(), route);
    }

    private static String handlerName(Object handler) {
        return handler instanceof String s ? s : handler.getClass().getSimpleName();
    }
}
