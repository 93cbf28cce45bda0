package review

// Batch is a run of checked rows of one review file, in columns: what the streaming
// reader hands the indicator engine instead of Records. Codes are small integers
// (indexes into Statuses, Causes and the batch's dictionaries), the priority groups a
// bit set and the deprivations one byte per indicator of the standard, so a row takes
// about 40 bytes plus its indicators whatever the width of its text.
type Batch struct {
	Year int
	// NDep is the number of the standard's indicators: row i's deprivation flags
	// are Deps[i*NDep:(i+1)*NDep], in the standard's order.
	NDep int
	Line []int32 // the line each row starts on

	// Commune and Village index CommuneDict and VillageDict, which hold each code
	// once per batch.
	Commune     []int32
	CommuneDict []string
	Village     []int32
	VillageDict []string

	ID     []uint64 // HashID of household_id
	IDEnd  []int32  // household_id of row i is IDText[IDEnd[i-1]:IDEnd[i]]
	IDText []byte

	Urban    []bool // area == "urban"
	Members  []int16
	Income   []int64
	Deps     []uint8
	Status   []int8  // index into Statuses
	Cause    []int8  // index into Causes, -1 when empty
	Groups   []uint8 // bit g: priority group g of Groups
	Children []int16
	InSchool []int16
	Insured  []int16

	communes, villages codeDict
}

// codeDict numbers the distinct codes of one column of a batch.
type codeDict struct {
	ix map[string]int32
	// Recent codes by codeSlot: rows come grouped by commune, so a few codes come
	// back row after row.
	slot [64]dictSlot
}

type dictSlot struct {
	code string
	ix1  int32 // the code's number plus one; 0 for an empty slot
}

func (d *codeDict) reset() {
	clear(d.ix)
	d.slot = [64]dictSlot{}
}

// intern returns the number of code v in list, adding it when new.
func (d *codeDict) intern(v []byte, list *[]string) int32 {
	s := &d.slot[codeSlot(v)]
	if s.ix1 > 0 && s.code == bstr(v) {
		return s.ix1 - 1
	}
	if d.ix == nil {
		d.ix = make(map[string]int32)
	}
	k, ok := d.ix[bstr(v)]
	if !ok {
		k = int32(len(*list))
		*list = append(*list, string(v))
		d.ix[(*list)[k]] = k
	}
	s.code, s.ix1 = (*list)[k], k+1
	return k
}

// Len is the number of rows.
func (b *Batch) Len() int { return len(b.Line) }

// HouseholdID returns the id of row i.
func (b *Batch) HouseholdID(i int) string {
	start := int32(0)
	if i > 0 {
		start = b.IDEnd[i-1]
	}
	return string(b.IDText[start:b.IDEnd[i]])
}

// Record materialises row i, with the values Parse would have decoded.
func (b *Batch) Record(i int) Record {
	r := Record{
		Year:                  b.Year,
		CommuneCode:           b.CommuneDict[b.Commune[i]],
		VillageCode:           b.VillageDict[b.Village[i]],
		HouseholdID:           b.HouseholdID(i),
		Area:                  "rural",
		Members:               int(b.Members[i]),
		IncomePerCapita:       b.Income[i],
		Status:                Statuses[b.Status[i]],
		Children6to15:         int(b.Children[i]),
		Children6to15InSchool: int(b.InSchool[i]),
		MembersInsured:        int(b.Insured[i]),
	}
	if b.Urban[i] {
		r.Area = "urban"
	}
	if c := b.Cause[i]; c >= 0 {
		r.Cause = Causes[c]
	}
	r.Dep = append([]uint8(nil), b.DepsOf(i)...)
	g := b.Groups[i]
	r.MeritFamily, r.DisabledMember, r.FemaleHead, r.EthnicMinority = int(g&1), int(g>>1&1), int(g>>2&1), int(g>>3&1)
	return r
}

// BatchOf builds a batch from records, for callers that already hold Records (the
// in-memory path, tests). lines may be nil.
func BatchOf(year int, recs []Record, lines []int) *Batch {
	b := &Batch{Year: year}
	if len(recs) > 0 {
		b.NDep = len(recs[0].Dep)
	}
	for i := range recs {
		line := int32(i + 2)
		if lines != nil {
			line = int32(lines[i])
		}
		b.addRecord(line, &recs[i], HashIDString(recs[i].HouseholdID))
	}
	return b
}

// DepsOf returns the deprivation flags of row i.
func (b *Batch) DepsOf(i int) []uint8 { return b.Deps[i*b.NDep : (i+1)*b.NDep] }

// addRecord adds a checked record whose id has hash h.
func (b *Batch) addRecord(line int32, r *Record, h uint64) {
	{
		var grp uint8
		for g, name := range Groups {
			if r.GroupFlag(name) == 1 {
				grp |= 1 << g
			}
		}
		cause := int8(-1)
		for k, c := range Causes {
			if c == r.Cause {
				cause = int8(k)
			}
		}
		status := int8(3)
		for k, s := range Statuses {
			if s == r.Status {
				status = int8(k)
			}
		}
		b.addHashed(line, []byte(r.CommuneCode), []byte(r.VillageCode), []byte(r.HouseholdID), h, r.Area == "urban",
			int16(r.Members), r.IncomePerCapita, r.Dep, status, cause, grp,
			int16(r.Children6to15), int16(r.Children6to15InSchool), int16(r.MembersInsured))
	}
}

func (b *Batch) reset(year, ndep int) {
	b.Year, b.NDep = year, ndep
	b.Line = b.Line[:0]
	b.Commune, b.Village = b.Commune[:0], b.Village[:0]
	b.CommuneDict, b.VillageDict = b.CommuneDict[:0], b.VillageDict[:0]
	b.communes.reset()
	b.villages.reset()
	b.ID, b.IDEnd, b.IDText = b.ID[:0], b.IDEnd[:0], b.IDText[:0]
	b.Urban, b.Members, b.Income = b.Urban[:0], b.Members[:0], b.Income[:0]
	b.Deps, b.Status, b.Cause, b.Groups = b.Deps[:0], b.Status[:0], b.Cause[:0], b.Groups[:0]
	b.Children, b.InSchool, b.Insured = b.Children[:0], b.InSchool[:0], b.Insured[:0]
}

// addHashed adds a row whose id has hash h (HashID(id)), which the reader has
// already computed for the duplicate check; dep holds b.NDep flags.
func (b *Batch) addHashed(line int32, commune, village, id []byte, h uint64, urban bool, members int16, income int64,
	dep []uint8, status, cause int8, groups uint8, children, inSchool, insured int16) {
	b.Line = append(b.Line, line)
	b.Commune = append(b.Commune, b.communes.intern(commune, &b.CommuneDict))
	b.Village = append(b.Village, b.villages.intern(village, &b.VillageDict))
	b.ID = append(b.ID, h)
	b.IDText = append(b.IDText, id...)
	b.IDEnd = append(b.IDEnd, int32(len(b.IDText)))
	b.Urban = append(b.Urban, urban)
	b.Members = append(b.Members, members)
	b.Income = append(b.Income, income)
	b.Deps = append(b.Deps, dep[:b.NDep]...)
	b.Status = append(b.Status, status)
	b.Cause = append(b.Cause, cause)
	b.Groups = append(b.Groups, groups)
	b.Children = append(b.Children, children)
	b.InSchool = append(b.InSchool, inSchool)
	b.Insured = append(b.Insured, insured)
}
