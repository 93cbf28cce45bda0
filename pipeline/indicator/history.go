package indicator

// maxReviews is how many reviews the history's bit sets can follow.
const maxReviews = 32

// history follows households across reviews, keeping a few bytes per household: in
// which reviews it was present, poor, and escaped. Households are keyed by
// review.HashID of their id rather than by the id itself (8 bytes instead of a
// string, and no string hashing): two different ids with the same 64-bit hash would
// share a history, a chance of about n²/2^65 for n households (about 2*10^-5 for the
// 27 million households of the whole country, 3*10^-8 for a province), and even then
// only the movement of those two households could be misclassified.
type history struct {
	index map[uint64]int32
	state []hstate
}

type hstate struct{ present, poor, escaped uint32 }

func newHistory(hint int) *history {
	return &history{index: make(map[uint64]int32, hint), state: make([]hstate, 0, hint)}
}

// observe records review index t for one batch of households (ids are hashes, poor
// whether each is poor now) and writes each one's movement and whether it escaped
// poverty within the last three reviews. last says no review follows, so households
// met for the first time need not be remembered. It appends to back the rows of
// households that were missing from the previous review but present in an earlier
// one, and returns it.
func (h *history) observe(t int, last bool, ids []uint64, status []int8, moves []int8, recent []uint8, back []int32) []int32 {
	bit := uint32(1) << t
	prev := bit >> 1
	earlier := prev - 1 // every review before the previous one
	window := bit | prev | prev>>1
	for i, key := range ids {
		nowPoor := status[i] == statusPoor
		id, ok := h.index[key]
		if !ok {
			if t == 0 || last {
				moves[i], recent[i] = moveNone, 0
				if nowPoor && t > 0 {
					moves[i] = moveNewlyPoor
				}
				if !last {
					h.add(key, bit, nowPoor)
				}
				continue
			}
			id = h.add(key, 0, false)
		}
		s := &h.state[id]
		if t >= 2 && s.present&prev == 0 && s.present&earlier != 0 {
			back = append(back, int32(i))
		}
		s.present |= bit
		if nowPoor {
			s.poor |= bit
		}
		moves[i], recent[i] = moveNone, 0
		if t == 0 {
			continue
		}
		wasPoor := s.poor&prev != 0
		switch {
		case wasPoor && !nowPoor && s.present&prev != 0:
			moves[i] = moveEscaped
			s.escaped |= bit
		case nowPoor && !wasPoor && s.poor&earlier != 0:
			moves[i] = moveRelapsed
		case nowPoor && !wasPoor:
			moves[i] = moveNewlyPoor
		}
		if !nowPoor && s.escaped&window != 0 {
			recent[i] = 1
		}
	}
	return back
}

func (h *history) add(key uint64, bit uint32, poor bool) int32 {
	id := int32(len(h.state))
	h.index[key] = id
	s := hstate{present: bit}
	if poor {
		s.poor = bit
	}
	h.state = append(h.state, s)
	return id
}
