package disclosure

import (
	"reflect"
	"testing"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		name     string
		values   []int64
		counted  []bool
		withhold []int
		sums     [][]int
		hidden   []bool
		primary  []bool
	}{
		{
			name:   "a small count closes its sum with the smallest other, non-zero first",
			values: []int64{20, 2, 0, 9, 9}, counted: []bool{true, true, true, true, true},
			sums:   [][]int{{0, 1, 2, 3, 4}},
			hidden: []bool{false, true, false, true, false}, primary: []bool{false, true, false, false, false},
		},
		{
			name:   "zero is published and closes nothing",
			values: []int64{10, 0, 10}, counted: []bool{true, true, true},
			sums:   [][]int{{0, 1, 2}},
			hidden: []bool{false, false, false}, primary: []bool{false, false, false},
		},
		{
			name:   "an amount is not a count: a small one is published",
			values: []int64{3, 1, 2}, counted: []bool{false, false, false},
			sums:   [][]int{{0, 1, 2}},
			hidden: []bool{false, false, false}, primary: []bool{false, false, false},
		},
		{
			name:   "the caller's link withholds an amount, and its sum is closed",
			values: []int64{300, 100, 200}, counted: []bool{false, false, false},
			withhold: []int{1}, sums: [][]int{{0, 1, 2}},
			hidden: []bool{false, true, true}, primary: []bool{false, false, false},
		},
		{
			name:   "a complement of one sum can close another",
			values: []int64{12, 2, 10, 10, 4, 6}, counted: []bool{true, true, true, true, true, true},
			sums:   [][]int{{0, 1, 2}, {2, 4, 5}},
			hidden: []bool{false, true, true, false, true, false}, primary: []bool{false, true, false, false, true, false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCounts(tt.values, tt.counted, 5)
			if err != nil {
				t.Fatal(err)
			}
			c.Primary()
			for _, i := range tt.withhold {
				c.Withhold(i)
			}
			c.Complement(tt.sums)
			hidden := make([]bool, len(tt.values))
			primary := make([]bool, len(tt.values))
			for i := range tt.values {
				hidden[i], primary[i] = c.Withheld(i), c.IsPrimary(i)
			}
			if !reflect.DeepEqual(hidden, tt.hidden) || !reflect.DeepEqual(primary, tt.primary) {
				t.Errorf("withheld %v primary %v, want %v %v", hidden, primary, tt.hidden, tt.primary)
			}
		})
	}
	if _, err := NewCounts([]int64{1}, []bool{true}, 2); err == nil {
		t.Error("a threshold below 3 was accepted")
	}
}
