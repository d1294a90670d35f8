//! Small charts: in the terminal, a sparkline for a trend and bars for an
//! urge rising, peaking and falling (in plain mode, the numbers
//! themselves); on paper, the check-ins of the last days ([`plot`]).

use crate::render::Style;
use crate::render::printout::{Chart, ChartDay};

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A one-line trend of values from 0 to `max`: "▃▅▆█" (or "40, 60, 80, 100").
pub fn sparkline(values: &[u8], max: u8, style: Style) -> String {
    if style.plain {
        return values
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
    }
    values
        .iter()
        .map(|&v| {
            let step = usize::from(v.min(max)) * (BLOCKS.len() - 1) / usize::from(max.max(1));
            BLOCKS[step]
        })
        .collect()
}

/// One bar per rating (0-10), labelled with when it was given ("5:00").
pub fn bars(ratings: &[u8], seconds: &[f64], style: Style) -> String {
    ratings
        .iter()
        .zip(seconds)
        .map(|(&r, &at)| {
            let bar = if style.plain {
                String::new()
            } else {
                format!(" {}", "█".repeat(usize::from(r.min(10)) * 3))
            };
            // Whole seconds are all a label needs.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let at = at.max(0.0).round() as u64;
            format!("  {:>3}:{:02}  {r:>2}{bar}", at / 60, at % 60)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A small drawing of check-ins (`print --trends`), laid out in a box
/// `width` × `height` (y down) for the HTML's SVG and the PDF's vector
/// drawing to draw alike: urge and distress from 0 to 10 over the days,
/// each a line broken where a day has no check-in, a dot each day, and a
/// quiet ring under each day with a lapse.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Each line as runs of consecutive days with a value.
    pub urge: Vec<Vec<(f32, f32)>>,
    pub distress: Vec<Vec<(f32, f32)>>,
    /// Where each lapse day is across, and where its ring sits down.
    pub lapses: Vec<f32>,
    pub lapse_y: f32,
    /// Gridlines at 0, 5 and 10: where down, and the label.
    pub grid: Vec<(f32, &'static str)>,
    /// Days named under it: where across (the label's middle), and the name.
    pub labels: Vec<(f32, String)>,
    /// The baseline of the day names.
    pub label_y: f32,
}

/// Lays out `chart` in `width` × `height`, with text `font` high.
pub fn plot(chart: &Chart, width: f32, height: f32, font: f32) -> Plot {
    let left = font * 1.8;
    let right = width - font * 0.6;
    let top = font * 0.5;
    let bottom = height - font * 2.6;
    let n = chart.days.len().max(2) - 1;
    #[allow(clippy::cast_precision_loss)] // at most a few hundred days
    let x = |i: usize| left + (right - left) * i as f32 / n as f32;
    let y = |v: u8| bottom - (bottom - top) * f32::from(v.min(10)) / 10.0;
    let runs = |value: &dyn Fn(&ChartDay) -> Option<u8>| {
        let mut runs: Vec<Vec<(f32, f32)>> = Vec::new();
        let mut open = false;
        for (i, day) in chart.days.iter().enumerate() {
            match value(day) {
                Some(v) if open => runs
                    .last_mut()
                    .into_iter()
                    .for_each(|r| r.push((x(i), y(v)))),
                Some(v) => {
                    runs.push(vec![(x(i), y(v))]);
                    open = true;
                }
                None => open = false,
            }
        }
        runs
    };
    Plot {
        left,
        right,
        top,
        bottom,
        urge: runs(&|d| d.urge),
        distress: runs(&|d| d.distress),
        lapses: chart
            .days
            .iter()
            .enumerate()
            .filter(|(_, d)| d.lapse)
            .map(|(i, _)| x(i))
            .collect(),
        lapse_y: bottom + font * 0.9,
        grid: vec![(y(0), "0"), (y(5), "5"), (y(10), "10")],
        labels: chart
            .labels
            .iter()
            .map(|(i, name)| (x(*i), name.clone()))
            .collect(),
        label_y: height - font * 0.25,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_rise_with_the_values() {
        assert_eq!(sparkline(&[0, 40, 60, 100], 100, Style::FILE), "▁▃▅█");
        let plain = Style {
            plain: true,
            ..Style::FILE
        };
        assert_eq!(sparkline(&[0, 40], 100, plain), "0, 40");
    }

    #[test]
    fn bars_show_each_rating() {
        let chart = bars(&[7, 3], &[0.0, 300.0], Style::FILE);
        assert_eq!(
            chart,
            "    0:00   7 █████████████████████\n    5:00   3 █████████"
        );
    }

    #[test]
    fn a_plot_breaks_its_lines_where_no_check_in_was_and_rings_lapses() {
        let day = |urge: Option<u8>, distress: Option<u8>, lapse: bool| ChartDay {
            urge,
            distress,
            lapse,
        };
        let chart = Chart {
            days: vec![
                day(Some(0), Some(2), false),
                day(Some(10), None, true),
                day(None, None, false),
                day(Some(5), Some(5), false),
                day(Some(6), Some(4), false),
            ],
            labels: vec![(0, "1 Nov".into()), (4, "5 Nov".into())],
            words: vec![],
        };
        let p = plot(&chart, 100.0, 60.0, 5.0);
        // Urge: days 0-1, then 3-4 (day 2 had no check-in).
        assert_eq!(p.urge.len(), 2);
        assert_eq!(p.urge[0].len(), 2);
        assert_eq!(p.urge[1].len(), 2);
        // Distress: day 0 alone (day 1 gave none), then days 3-4.
        assert_eq!(p.distress.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2]);
        // 0 sits on the bottom line, 10 on the top, days evenly across.
        assert!((p.urge[0][0].1 - p.bottom).abs() < 0.01);
        assert!((p.urge[0][1].1 - p.top).abs() < 0.01);
        assert!((p.urge[0][0].0 - p.left).abs() < 0.01);
        assert!((p.urge[1][1].0 - p.right).abs() < 0.01);
        assert_eq!(p.lapses, [p.urge[0][1].0]);
        assert!(p.lapse_y > p.bottom && p.label_y > p.lapse_y && p.label_y <= 60.0);
        assert_eq!(
            p.grid.iter().map(|g| g.1).collect::<Vec<_>>(),
            ["0", "5", "10"]
        );
        assert_eq!(p.labels[1], (p.right, "5 Nov".to_string()));
    }
}
