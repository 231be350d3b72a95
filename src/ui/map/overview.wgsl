// The map's overview on the GPU: ties as 1-pixel lines, actors as small filled shapes.
// Positions are in canvas units; the camera turns them into screen points, then clip space.
// Colours are egui's: premultiplied, gamma-encoded bytes.

struct Camera {
    // Screen point of the canvas origin.
    origin: vec2<f32>,
    // Screen size in points.
    screen: vec2<f32>,
    zoom: f32,
    // Actor radius in screen points.
    radius: f32,
    pad: vec2<f32>,
};

@group(0) @binding(0) var<uniform> camera: Camera;

// Colours travel packed in one flat integer: a software rasteriser keeps per-primitive data for
// every interpolated component, and a map draws a hundred thousand primitives.
struct Out {
    @builtin(position) position: vec4<f32>,
    @location(0) @interpolate(flat) color: u32,
};

fn clip_of(screen: vec2<f32>) -> vec4<f32> {
    return vec4<f32>(
        screen.x / camera.screen.x * 2.0 - 1.0,
        1.0 - screen.y / camera.screen.y * 2.0,
        0.0,
        1.0,
    );
}

fn unpack(c: u32) -> vec4<f32> {
    return vec4<f32>(
        f32(c & 255u),
        f32((c >> 8u) & 255u),
        f32((c >> 16u) & 255u),
        f32((c >> 24u) & 255u),
    ) / 255.0;
}

@vertex
fn tie_vertex(@location(0) canvas: vec2<f32>, @location(1) color: u32) -> Out {
    var out: Out;
    out.position = clip_of(camera.origin + canvas * camera.zoom);
    out.color = color;
    return out;
}

// One instance per actor, drawn as one triangle around its centre; the fragment shader cuts the
// kind's outline out of it, with a soft edge one pixel wide.
struct ActorOut {
    @builtin(position) position: vec4<f32>,
    @location(0) @interpolate(flat) color: u32,
    // Offset from the centre, in screen points.
    @location(1) offset: vec2<f32>,
    // sides, circumradius in points, angle of the first corner.
    @location(2) @interpolate(flat) outline: vec3<f32>,
};

@vertex
fn actor_vertex(
    @builtin(vertex_index) index: u32,
    @location(0) canvas: vec2<f32>,
    @location(1) color: u32,
    @location(2) shape: vec4<f32>,
) -> ActorOut {
    // shape: sides, radius factor, start angle, unused.
    // A triangle whose inscribed circle holds the outline: one primitive per actor.
    var corners = array<vec2<f32>, 3>(
        vec2<f32>(0.0, -2.0), vec2<f32>(1.7320508, 1.0), vec2<f32>(-1.7320508, 1.0),
    );
    let radius = camera.radius * shape.y;
    let offset = corners[index] * (radius + 1.0);
    var out: ActorOut;
    out.position = clip_of(camera.origin + canvas * camera.zoom + offset);
    out.color = color;
    out.offset = offset;
    out.outline = vec3<f32>(shape.x, radius, shape.z);
    return out;
}

// How much of this pixel the regular polygon covers, from its signed distance to the nearest side.
fn coverage(in: ActorOut) -> f32 {
    let sector = 6.28318530718 / in.outline.x;
    let angle = atan2(in.offset.y, in.offset.x) - in.outline.z;
    let normal_angle = in.outline.z + (floor(angle / sector) + 0.5) * sector;
    let normal = vec2<f32>(cos(normal_angle), sin(normal_angle));
    let distance = dot(in.offset, normal) - in.outline.y * cos(3.14159265359 / in.outline.x);
    return clamp(0.5 - distance, 0.0, 1.0);
}

@fragment
fn actor_gamma_fragment(in: ActorOut) -> @location(0) vec4<f32> {
    let c = coverage(in);
    if c <= 0.0 {
        discard;
    }
    return unpack(in.color) * c;
}

@fragment
fn actor_linear_fragment(in: ActorOut) -> @location(0) vec4<f32> {
    let c = coverage(in);
    if c <= 0.0 {
        discard;
    }
    return to_linear(unpack(in.color)) * c;
}

@fragment
fn gamma_fragment(in: Out) -> @location(0) vec4<f32> {
    return unpack(in.color);
}

fn linear_of(gamma: vec3<f32>) -> vec3<f32> {
    let low = gamma / 12.92;
    let high = pow((gamma + 0.055) / 1.055, vec3<f32>(2.4));
    return select(high, low, gamma < vec3<f32>(0.04045));
}

// Premultiplied: undo the alpha before converting, then apply it again.
fn to_linear(color: vec4<f32>) -> vec4<f32> {
    let a = max(color.a, 0.0001);
    return vec4<f32>(linear_of(color.rgb / a) * color.a, color.a);
}

@fragment
fn linear_fragment(in: Out) -> @location(0) vec4<f32> {
    return to_linear(unpack(in.color));
}
