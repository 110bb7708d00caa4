//! A small calendar popup built from plain egui widgets: a button that opens a month grid with
//! previous / next month (and year) navigation; clicking a day picks it.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// The first day of the month of `date`.
fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The days shown for the month starting `first`: whole weeks from Monday, `None` outside it.
pub fn month_grid(first: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let lead = first.weekday().num_days_from_monday() as i64;
    let mut weeks = Vec::new();
    let mut day = first - Duration::days(lead);
    loop {
        let mut week = [None; 7];
        for slot in &mut week {
            if day.month() == first.month() && day.year() == first.year() {
                *slot = Some(day);
            }
            day += Duration::days(1);
        }
        weeks.push(week);
        if day.month() != first.month() || day.year() != first.year() {
            break;
        }
    }
    weeks
}

/// A 📅 button with the calendar popup; returns the day the user picked.
pub fn picker(ui: &mut egui::Ui, current: NaiveDate) -> Option<NaiveDate> {
    let button = ui.button("Calendar").on_hover_text("Pick the anchor date from a calendar");
    let month_id = button.id.with("month");
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month = ui.data(|d| d.get_temp::<NaiveDate>(month_id)).unwrap_or_else(|| month_start(current));
            ui.horizontal(|ui| {
                if ui.small_button("«").on_hover_text("Previous year").clicked() {
                    month = month.checked_sub_months(Months::new(12)).unwrap_or(month);
                }
                if ui.small_button("‹").on_hover_text("Previous month").clicked() {
                    month = month.checked_sub_months(Months::new(1)).unwrap_or(month);
                }
                ui.add_sized(
                    [110.0, 18.0],
                    egui::Label::new(egui::RichText::new(month.format("%B %Y").to_string()).strong()),
                );
                if ui.small_button("›").on_hover_text("Next month").clicked() {
                    month = month.checked_add_months(Months::new(1)).unwrap_or(month);
                }
                if ui.small_button("»").on_hover_text("Next year").clicked() {
                    month = month.checked_add_months(Months::new(12)).unwrap_or(month);
                }
            });
            egui::Grid::new(month_id.with("grid")).spacing([2.0, 2.0]).show(ui, |ui| {
                for day in
                    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
                {
                    ui.weak(&day.to_string()[..2]);
                }
                ui.end_row();
                for week in month_grid(month) {
                    for day in week {
                        match day {
                            Some(day) => {
                                let text = egui::RichText::new(format!("{:>2}", day.day())).monospace();
                                if ui.selectable_label(day == current, text).clicked() {
                                    picked = Some(day);
                                }
                            }
                            None => {
                                ui.label("");
                            }
                        }
                    }
                    ui.end_row();
                }
            });
            ui.data_mut(|d| d.insert_temp(month_id, month));
        });
    if picked.is_some() {
        egui::Popup::close_id(ui.ctx(), egui::Popup::default_response_id(&button));
        ui.data_mut(|d| d.remove::<NaiveDate>(month_id));
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn june_2023_grid_starts_on_thursday() {
        let grid = month_grid(NaiveDate::from_ymd_opt(2023, 6, 1).unwrap());
        assert_eq!(grid[0][3], NaiveDate::from_ymd_opt(2023, 6, 1));
        assert_eq!(grid[0][2], None);
        let days = grid.iter().flatten().flatten().count();
        assert_eq!(days, 30);
    }
}
