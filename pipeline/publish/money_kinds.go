package publish

import (
	"github.com/minhtien/portal/pipeline/support"
)

// The two kinds of money (issue 17). Preferential credit is lent to households and
// paid back; grants and budget spending are not. A sum of the two means nothing (the
// money page once printed "5.370,0" for 2023, of which 3.858,4 were loans), so every
// total on the pages is a total of one kind: "total" is what was spent, "lent" what
// was lent, printed apart.

// Money kinds.
const (
	kindSpent = "spent"
	kindLent  = "lent"
)

// lentSource is the funding source whose money is always a loan: the Bank for Social
// Policies lends, it does not give.
const lentSource = "policy_bank_credit"

// lentSupport is the support type whose amount is the amount lent (support.Record:
// "Preferential credit is the amount lent"), whichever source lent it, for example a
// commune budget entrusted to the bank.
const lentSupport = "preferential_credit"

// moneyKind is the kind of an amount: lent when a bank loan or a preferential
// credit, spent otherwise.
func moneyKind(f *support.Figure) string {
	if f.FundingSource == lentSource || f.SupportType == lentSupport {
		return kindLent
	}
	return kindSpent
}

// kindSums are the sums of one scope, one per kind.
type kindSums struct {
	spent, lent sum
	lends       bool // some amount was lent
}

// add adds f to the sum of its kind.
func (k *kindSums) add(f *support.Figure) {
	if moneyKind(f) == kindLent {
		k.lent.add(f)
		k.lends = true
		return
	}
	k.spent.add(f)
}

// keyedKinds are kindSums by key, each made on first use.
type keyedKinds map[string]*kindSums

func (m keyedKinds) add(key string, f *support.Figure) {
	if m[key] == nil {
		m[key] = &kindSums{}
	}
	m[key].add(f)
}

// cells returns key's spent and lent cells (zero when nothing was added).
func (m keyedKinds) cells(key string) (spent, lent moneyCell) {
	if k := m[key]; k != nil {
		return k.spent.cell(), k.lent.cell()
	}
	return sum{}.cell(), sum{}.cell()
}
