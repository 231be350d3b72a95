//! The legend: every shape, colour and line style used on the map, in a strip along its bottom.

use egui::{Color32, Pos2, Stroke, Ui, Vec2};

use super::map::shapes::kind_shape;
use super::theme::{self, LineStyle};
use crate::model::{ActorKind, Polarity};

pub fn legend_ui(ui: &mut Ui) {
    egui::CollapsingHeader::new("Legend")
        .default_open(true)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = Vec2::new(4.0, 2.0);
            ui.horizontal_wrapped(|ui| {
                for kind in ActorKind::ALL {
                    let (rect, _) =
                        ui.allocate_exact_size(Vec2::new(18.0, 16.0), egui::Sense::hover());
                    ui.painter().add(kind_shape(
                        kind,
                        rect.center(),
                        6.0,
                        theme::actor_color(kind),
                        Stroke::new(1.0, theme::SHAPE_OUTLINE),
                    ));
                    ui.label(kind.label());
                    ui.add_space(6.0);
                }
            });
            ui.horizontal_wrapped(|ui| {
                for polarity in Polarity::ALL {
                    line_sample(ui, theme::polarity_color(polarity), LineStyle::Solid);
                    ui.label(polarity.label());
                    ui.add_space(6.0);
                }
                ui.separator();
                for style in [LineStyle::Solid, LineStyle::Dashed, LineStyle::Dotted] {
                    line_sample(ui, ui.visuals().text_color(), style);
                    ui.label(style.label());
                    ui.add_space(6.0);
                }
            });
            ui.label(
                egui::RichText::new(
                    "Thicker line: more excerpts · arrowhead: direction of the tie",
                )
                .small(),
            );
        });
}

fn line_sample(ui: &mut Ui, color: Color32, style: LineStyle) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 16.0), egui::Sense::hover());
    let y = rect.center().y;
    let points = [
        Pos2::new(rect.left() + 2.0, y),
        Pos2::new(rect.right() - 2.0, y),
    ];
    let stroke = Stroke::new(2.0, color);
    let painter = ui.painter();
    match style {
        LineStyle::Solid => {
            painter.line_segment(points, stroke);
        }
        LineStyle::Dashed => {
            painter.extend(egui::Shape::dashed_line(&points, stroke, 6.0, 3.0));
        }
        LineStyle::Dotted => {
            // The same short dashes as on the map.
            let dots = Stroke::new(2.4, color);
            painter.extend(egui::Shape::dashed_line(&points, dots, 2.0, 6.0));
        }
    }
}
