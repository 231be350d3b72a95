//! The GPU objects of the overview: two pipelines (lines for ties, instanced fans for actors),
//! the camera uniform, and vertex buffers that grow when the map does and are rewritten only
//! when its revision changes.

use eframe::egui_wgpu::wgpu;

use super::{Geometry, ACTOR_BYTES, TIE_VERTEX_BYTES};

pub(super) struct Resources {
    pub tie_pipeline: wgpu::RenderPipeline,
    pub actor_pipeline: wgpu::RenderPipeline,
    pub camera: wgpu::Buffer,
    pub bind_group: wgpu::BindGroup,
    pub ties: wgpu::Buffer,
    pub tie_vertices: u32,
    pub actors: wgpu::Buffer,
    pub actor_count: u32,
    /// The geometry revision in the buffers.
    revision: Option<u64>,
}

impl Resources {
    pub fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Self {
        let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("relmap overview"),
            source: wgpu::ShaderSource::Wgsl(include_str!("../overview.wgsl").into()),
        });
        let camera = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("relmap overview camera"),
            size: 32,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("relmap overview camera"),
            entries: &[wgpu::BindGroupLayoutEntry {
                binding: 0,
                visibility: wgpu::ShaderStages::VERTEX,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Uniform,
                    has_dynamic_offset: false,
                    min_binding_size: wgpu::BufferSize::new(32),
                },
                count: None,
            }],
        });
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("relmap overview camera"),
            layout: &layout,
            entries: &[wgpu::BindGroupEntry {
                binding: 0,
                resource: camera.as_entire_binding(),
            }],
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("relmap overview"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let (tie_fragment, actor_fragment) = if format.is_srgb() {
            ("linear_fragment", "actor_linear_fragment")
        } else {
            ("gamma_fragment", "actor_gamma_fragment")
        };
        let pipeline = |label: &str,
                        (entry, fragment): (&str, &str),
                        topology: wgpu::PrimitiveTopology,
                        buffer: wgpu::VertexBufferLayout<'_>| {
            device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
                label: Some(label),
                layout: Some(&pipeline_layout),
                vertex: wgpu::VertexState {
                    module: &module,
                    entry_point: Some(entry),
                    compilation_options: Default::default(),
                    buffers: &[Some(buffer)],
                },
                primitive: wgpu::PrimitiveState {
                    topology,
                    ..Default::default()
                },
                depth_stencil: None,
                multisample: wgpu::MultisampleState::default(),
                fragment: Some(wgpu::FragmentState {
                    module: &module,
                    entry_point: Some(fragment),
                    compilation_options: Default::default(),
                    targets: &[Some(wgpu::ColorTargetState {
                        format,
                        blend: Some(wgpu::BlendState::PREMULTIPLIED_ALPHA_BLENDING),
                        write_mask: wgpu::ColorWrites::ALL,
                    })],
                }),
                multiview_mask: None,
                cache: None,
            })
        };
        let tie_pipeline = pipeline(
            "relmap overview ties",
            ("tie_vertex", tie_fragment),
            wgpu::PrimitiveTopology::LineList,
            wgpu::VertexBufferLayout {
                array_stride: TIE_VERTEX_BYTES,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Uint32],
            },
        );
        let actor_pipeline = pipeline(
            "relmap overview actors",
            ("actor_vertex", actor_fragment),
            wgpu::PrimitiveTopology::TriangleList,
            wgpu::VertexBufferLayout {
                array_stride: ACTOR_BYTES,
                step_mode: wgpu::VertexStepMode::Instance,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Uint32, 2 => Float32x4],
            },
        );
        Self {
            tie_pipeline,
            actor_pipeline,
            camera,
            bind_group,
            ties: vertex_buffer(device, 0),
            tie_vertices: 0,
            actors: vertex_buffer(device, 0),
            actor_count: 0,
            revision: None,
        }
    }

    /// Writes the geometry into the buffers if it changed since the last upload.
    pub fn upload(&mut self, device: &wgpu::Device, queue: &wgpu::Queue, g: &Geometry) {
        if self.revision == Some(g.revision) {
            return;
        }
        self.revision = Some(g.revision);
        write(device, queue, &mut self.ties, &g.ties);
        self.tie_vertices = (g.ties.len() as u64 / TIE_VERTEX_BYTES) as u32;
        write(device, queue, &mut self.actors, &g.actors);
        self.actor_count = (g.actors.len() as u64 / ACTOR_BYTES) as u32;
    }
}

/// Copies `bytes` to the start of `buffer`, replacing it with a larger one when it is too small.
fn write(device: &wgpu::Device, queue: &wgpu::Queue, buffer: &mut wgpu::Buffer, bytes: &[u8]) {
    let needed = bytes.len() as u64;
    if buffer.size() < needed {
        *buffer = vertex_buffer(device, needed.max(buffer.size() * 3 / 2));
    }
    if needed > 0 {
        queue.write_buffer(buffer, 0, bytes);
    }
}

fn vertex_buffer(device: &wgpu::Device, size: u64) -> wgpu::Buffer {
    // Sizes stay multiples of 4, as copies require.
    let size = size.max(64).next_multiple_of(4);
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("relmap overview vertices"),
        size,
        usage: wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    })
}
