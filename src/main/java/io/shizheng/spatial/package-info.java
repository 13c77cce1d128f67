/**
 * Spatial decision analysis: a store of digital elevation models (GeoTIFF in, GeoTIFF out), terrain analyses that
 * equal {@code gdaldem} (slope and aspect by Horn and Zevenbergen–Thorne), profiles along a line like GRASS
 * {@code r.profile}, and the sun position by NREL's Solar Position Algorithm. Layers over OGC API Features, the
 * socio-economic database and building shadows are planned here too (docs/spatial.md).
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Spatial analysis", allowedDependencies = {"org", "platform"})
package io.shizheng.spatial;
