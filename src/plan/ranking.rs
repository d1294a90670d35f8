//! Pairwise ranking by binary insertion: the person is asked "which of these
//! would be harder for you to handle?" only as often as a binary search
//! needs, at most ⌈log2(k)⌉ questions to place the k-th trigger (25 for 10
//! triggers rather than all 45 pairs).

/// Where ranking stopped part-way: the items placed by the answers given
/// so far, hardest first (never thrown away: they are the person's own
/// answers), and why it stopped.
#[derive(Debug, PartialEq, Eq)]
pub struct Stopped<T, E> {
    pub placed: Vec<T>,
    pub why: E,
}

/// Orders `items` hardest first, asking `harder(a, b)` whether `a` is harder
/// than `b`. `harder` may fail (the person stopped): the items placed
/// until then come back with the error, in the order the answers gave.
/// Items are inserted in the order given, so starting from the priority
/// order keeps the questions few and the result stable.
pub fn rank_pairwise<T: Clone, E>(
    items: &[T],
    mut harder: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<Vec<T>, Stopped<T, E>> {
    let mut ranked: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        let (mut low, mut high) = (0, ranked.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match harder(item, &ranked[mid]) {
                Ok(true) => high = mid,
                Ok(false) => low = mid + 1,
                Err(why) => {
                    return Err(Stopped {
                        placed: ranked,
                        why,
                    });
                }
            }
        }
        ranked.insert(low, item.clone());
    }
    Ok(ranked)
}

/// The order after comparing stopped part-way: `placed` (hardest first, as
/// the answers just given put them) merged with the items of `earlier`
/// (the order an earlier comparing gave, hardest first) not reached now,
/// which keep their earlier order among themselves. Each of those goes
/// below every placed item she had called harder before and above every
/// one she had called easier; where no answer of hers says, the merge goes
/// by `riskier` (the priority from her ratings; placed first on a tie), as
/// the one ordering rule does for triggers never compared. Without this,
/// Esc dropped the earlier answers and a trigger went back above one she
/// had called harder (Mulu, issue 13). Linear after an n·log n lookup.
pub fn keep_earlier_answers<T: Clone + Eq + std::hash::Hash>(
    earlier: &[T],
    placed: &[T],
    riskier: impl Fn(&T, &T) -> bool,
) -> Vec<T> {
    use std::collections::HashMap;
    let at_now: HashMap<&T, usize> = placed.iter().enumerate().map(|(i, t)| (t, i)).collect();
    // For each earlier item not placed now: how many placed items must go
    // before it (one past the lowest place now of any she called harder),
    // and the place now of the highest she called easier (it must go
    // before that one). Both only grow along `earlier`.
    let mut waiting: Vec<(&T, usize, usize)> = Vec::new();
    let mut after = 0;
    for item in earlier {
        match at_now.get(item) {
            Some(&now) => after = after.max(now + 1),
            None => waiting.push((item, after, placed.len())),
        }
    }
    let mut before = placed.len();
    let mut w = waiting.len();
    for item in earlier.iter().rev() {
        if let Some(&now) = at_now.get(item) {
            before = before.min(now);
        } else {
            w -= 1;
            waiting[w].2 = before.max(waiting[w].1);
        }
    }
    let mut order = Vec::with_capacity(placed.len() + waiting.len());
    let (mut p, mut u) = (0, 0);
    while p < placed.len() || u < waiting.len() {
        let take_placed = match (placed.get(p), waiting.get(u)) {
            (Some(next), Some(&(item, after, before))) => {
                p < after || (p < before && !riskier(item, next))
            }
            (Some(_), None) => true,
            (None, _) => false,
        };
        if take_placed {
            order.push(placed[p].clone());
            p += 1;
        } else {
            order.push(waiting[u].0.clone());
            u += 1;
        }
    }
    order
}

/// The most questions [`rank_pairwise`] can ask for `n` items:
/// the sum of ⌈log2(k + 1)⌉ for k from 1 to n − 1.
pub fn max_questions(n: usize) -> usize {
    (1..n)
        .map(|k| (usize::BITS - k.leading_zeros()) as usize)
        .sum()
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::*;

    /// Compares by a hidden "true" order.
    fn by_order<T: PartialEq>(order: &[T]) -> impl Fn(&T, &T) -> Ordering + '_ {
        move |a, b| {
            let pos = |x: &T| order.iter().position(|o| o == x).unwrap_or(usize::MAX);
            pos(a).cmp(&pos(b))
        }
    }

    #[test]
    fn ten_triggers_need_at_most_25_questions() {
        assert_eq!(max_questions(10), 25);
        assert_eq!(max_questions(1), 0);
        assert_eq!(max_questions(2), 1);
    }

    #[test]
    fn question_counts_stay_within_the_bound_for_1_to_50_triggers() {
        for n in 1..=50 {
            // Several hidden orders: already sorted, reversed, and interleaved.
            let items: Vec<usize> = (0..n).collect();
            let orders: [Vec<usize>; 3] = [
                items.clone(),
                items.iter().rev().copied().collect(),
                items
                    .iter()
                    .copied()
                    .filter(|i| i % 2 == 0)
                    .chain(items.iter().copied().filter(|i| i % 2 == 1).rev())
                    .collect(),
            ];
            for truth in &orders {
                let mut asked = 0;
                let cmp = by_order(truth);
                let ranked = rank_pairwise(&items, |a, b| {
                    asked += 1;
                    Ok::<_, ()>(cmp(a, b) == Ordering::Less)
                })
                .unwrap();
                assert_eq!(&ranked, truth, "n = {n}");
                assert!(
                    asked <= max_questions(n),
                    "n = {n}: {asked} > {}",
                    max_questions(n)
                );
                assert!(
                    n < 2 || asked < n * (n - 1) / 2 || n <= 3,
                    "fewer than all pairs for n = {n}"
                );
            }
        }
    }

    #[test]
    fn a_stop_part_way_is_returned() {
        let result = rank_pairwise(&[1, 2, 3], |_, _| Err::<bool, &str>("stopped"));
        assert_eq!(
            result,
            Err(Stopped {
                placed: vec![1],
                why: "stopped"
            })
        );
    }

    /// Issue 13 (Yuki): Esc on the third trigger's question kept none of
    /// the answers given; the two placed by them come back in her order.
    #[test]
    fn a_stop_keeps_the_order_the_answers_gave() {
        let mut asked = 0;
        let result = rank_pairwise(&["a", "b", "c"], |_, _| {
            asked += 1;
            if asked == 1 { Ok(true) } else { Err("esc") }
        });
        assert_eq!(
            result,
            Err(Stopped {
                placed: vec!["b", "a"],
                why: "esc"
            })
        );
    }

    #[test]
    fn a_stop_keeps_the_earlier_answers_for_those_not_reached() {
        // Riskier by ratings: the later letter.
        let later = |a: &&str, b: &&str| a > b;
        // Earlier: A harder than B. Now A was placed above C, then Esc: B
        // stays below A however high its ratings.
        assert_eq!(
            keep_earlier_answers(&["A", "B"], &["A", "C"], later),
            ["A", "C", "B"]
        );
        assert_eq!(
            keep_earlier_answers(&["A", "B"], &["C", "A"], later),
            ["C", "A", "B"]
        );
        // B was above A: it stays above A wherever A is now.
        assert_eq!(
            keep_earlier_answers(&["B", "A"], &["C", "A"], later),
            ["C", "B", "A"]
        );
        // Where her answers do not say, her ratings do.
        assert_eq!(
            keep_earlier_answers(&["A", "D"], &["C", "E"], later),
            ["C", "E", "A", "D"]
        );
        assert_eq!(
            keep_earlier_answers(&["F", "D"], &["C", "E"], later),
            ["F", "D", "C", "E"]
        );
        // A changed mind among placed ones wins; the rest keep theirs.
        assert_eq!(
            keep_earlier_answers(&["A", "B", "C", "D"], &["C", "A"], later),
            ["C", "A", "B", "D"]
        );
        assert_eq!(
            keep_earlier_answers::<&str>(&[], &["C", "A"], later),
            ["C", "A"]
        );
    }
}
