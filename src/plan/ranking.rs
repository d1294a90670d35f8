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
}
