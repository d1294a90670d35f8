//! Small terminal charts: a sparkline for a trend, and bars for an urge
//! rising, peaking and falling. In plain mode, the numbers themselves.

use crate::ctx::Style;

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
}
