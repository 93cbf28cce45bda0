package standard

import "testing"

func TestClassify(t *testing.T) {
	s, err := Lookup("2022-2025")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		h    Household
		want string
	}{
		{"rural at the line with 3 deprivations is poor", Household{"rural", 1_500_000, 3}, "poor"},
		{"rural at the line with 2 deprivations is near-poor", Household{"rural", 1_500_000, 2}, "near_poor"},
		{"rural one dong above the line is not poor", Household{"rural", 1_500_001, 12}, "non_poor"},
		{"urban line is higher", Household{"urban", 1_900_000, 4}, "poor"},
		{"urban above its line", Household{"urban", 2_000_001, 4}, "non_poor"},
		{"no income, no deprivation: near-poor", Household{"rural", 0, 0}, "near_poor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Classify(tt.h)
			if err != nil || got != tt.want {
				t.Errorf("Classify(%+v) = %q, %v; want %q", tt.h, got, err, tt.want)
			}
		})
	}
	if _, err := s.Classify(Household{"suburb", 0, 0}); err == nil {
		t.Error("an unknown area was classified")
	}
}

func TestAgrees(t *testing.T) {
	s, _ := Lookup("2022-2025")
	tests := []struct {
		name     string
		recorded string
		h        Household
		want     bool
	}{
		{"average living standard within the average line", "average_agri", Household{"rural", 2_000_000, 0}, true},
		{"average living standard above the average line", "average_agri", Household{"rural", 2_300_000, 0}, false},
		{"average living standard below the poverty line", "average_agri", Household{"rural", 1_400_000, 0}, false},
		{"poor recorded as near-poor", "near_poor", Household{"rural", 1_000_000, 4}, false},
		{"matching poor", "poor", Household{"rural", 1_000_000, 4}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := s.Agrees(tt.recorded, tt.h)
			if err != nil || got != tt.want {
				t.Errorf("Agrees(%q, %+v) = %v, %v; want %v", tt.recorded, tt.h, got, err, tt.want)
			}
		})
	}
}

func TestStandardsAreData(t *testing.T) {
	if _, err := Lookup("2031-2035"); err == nil {
		t.Error("a standard that does not exist was found")
	}
	next, err := Lookup("2027-2030")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := next.Classify(Household{"rural", 2_100_000, 3}); got != "poor" {
		t.Errorf("2027-2030: income 2.1M with 3 deprivations is %q, want poor (line 2.2M)", got)
	}
	for _, ind := range next.Indicators {
		if ind == "d_information_access" {
			t.Error("2027-2030 still lists the information-devices indicator it replaced")
		}
	}
}
