//! The article reader: a source's full text with one excerpt highlighted and scrolled into view.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, RichText, Ui};

use super::theme;
use crate::app::state::ReaderState;
use crate::app::Action;
use crate::model::Dataset;

pub fn article_reader_ui(
    ui: &mut Ui,
    data: &Dataset,
    reader: &ReaderState,
    actions: &mut Vec<Action>,
) {
    let Some(tie) = data.tie(&reader.tie) else {
        return;
    };
    let Some(excerpt) = tie.excerpts.get(reader.excerpt) else {
        return;
    };
    let Some(source) = data.source(&excerpt.source) else {
        ui.label(format!(
            "The source '{}' is not in this dataset.",
            excerpt.source
        ));
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Article");
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the article reader")
                .clicked()
            {
                actions.push(Action::CloseReader);
            }
        });
    });
    ui.label(RichText::new(&source.title).strong().size(16.0));
    let mut meta = source.outlet.clone();
    if let Some(d) = &source.published {
        meta.push_str(&format!(", {d}"));
    }
    if let Some(a) = &source.author {
        meta.push_str(&format!(" · {a}"));
    }
    ui.label(RichText::new(meta).weak());
    if let Some(url) = &source.url {
        ui.hyperlink(url);
    }
    ui.label(
        RichText::new(format!(
            "Highlighted: excerpt {} of “{}”",
            reader.excerpt + 1,
            super::tie_panel::tie_heading(data, tie)
        ))
        .small(),
    );
    ui.separator();

    let text = &source.text;
    let (start, end) = (excerpt.start, excerpt.end);
    let valid = text.get(start..end).is_some();
    let font = FontId::proportional(theme::QUOTE_SIZE);
    let normal = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let highlight = TextFormat {
        font_id: font,
        color: Color32::BLACK,
        background: Color32::from_rgb(0xF0, 0xE4, 0x42),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    if valid {
        job.append(&text[..start], 0.0, normal.clone());
        job.append(&text[start..end], 0.0, highlight);
        job.append(&text[end..], 0.0, normal);
    } else {
        job.append(text, 0.0, normal);
    }
    let scroll_key = ui.id().with("reader-scrolled");
    let wanted = (reader.tie.clone(), reader.excerpt);
    let already = ui.data(|d| d.get_temp::<(String, usize)>(scroll_key)) == Some(wanted.clone());
    egui::ScrollArea::vertical()
        .id_salt("article-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let galley = ui.painter().layout_job(job);
            let response = ui.label(galley.clone());
            if !already && valid {
                let chars_before = text[..start].chars().count();
                let cursor_rect = galley.pos_from_cursor(CCursor::new(chars_before));
                let target = cursor_rect.translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(target.expand2(egui::vec2(0.0, 60.0)), Some(Align::Center));
                ui.data_mut(|d| d.insert_temp(scroll_key, wanted));
            }
        });
}
