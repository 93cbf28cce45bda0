package assemble

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"filippo.io/age"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/seal"
)

// The rules for household files in a public repository (DESIGN section 6): with real
// data declared, a clear file is refused anywhere outside the Go packages' testdata
// folders; a clear file beside its sealed twin is refused always; a sealed file must
// be sealed for as many recipients, of the same kind, as portal.toml lists; and a key
// that opens none of the files is one problem, not one per file.

// fileFinding is an error about one file, in both languages.
func fileFinding(file, vi, en string) Finding {
	return Finding{File: file, Error: true, Message: func(lang string) string {
		if lang == "en" {
			return file + ": " + en
		}
		return file + ": " + vi
	}}
}

// invalid returns an *InvalidError for fs, or nil when there are none.
func invalid(fs []Finding, lang string) error {
	if len(fs) == 0 {
		return nil
	}
	return &InvalidError{Findings: fs, Lang: lang}
}

// checkHouseholdFiles applies the rules that need no key.
func checkHouseholdFiles(l paths.Layout, p *config.Portal, lang string) error {
	twins, err := seal.Twins(l.Reviews(), l.Support())
	if err != nil {
		return err
	}
	var fs []Finding
	isTwin := map[string]bool{}
	for _, f := range twins {
		isTwin[f] = true
		fs = append(fs, fileFinding(f,
			"tệp rõ nằm cạnh bản đã mã hoá "+filepath.Base(f)+seal.Suffix+", không rõ tệp nào là dữ liệu (cách sửa: đừng mã hoá lại; xoá tệp .csv khỏi máy và khỏi git sau khi chắc chắn bản .age mở được)",
			"a clear file beside its sealed twin "+filepath.Base(f)+seal.Suffix+": which one is the data is unclear (hint: do not seal it again; delete the .csv from disk and from git once you know the .age opens)"))
	}
	if !p.Data.Sample {
		clear, err := seal.ClearDataFiles(l.Root)
		if err != nil {
			return err
		}
		for _, f := range clear {
			if isTwin[f] {
				continue
			}
			fs = append(fs, fileFinding(f,
				"đã khai báo dữ liệu thật (sample = false) nhưng tệp hộ gia đình này chưa được mã hoá (cách sửa: chạy portal seal "+f+", rồi commit tệp .age và xoá tệp .csv khỏi git)",
				"real data is declared (sample = false) but this household file is not sealed (hint: run portal seal "+f+", then commit the .age file and remove the .csv from git)"))
		}
	}
	if err := invalid(fs, lang); err != nil {
		return err
	}
	return checkRecipients(l, p, lang)
}

// checkRecipients compares each sealed file's recipient stanzas with portal.toml.
// age does not say whose key a stanza is for, so what is checked is their number and
// kind: a file sealed before a person was added or removed has one stanza too few or
// too many.
func checkRecipients(l paths.Layout, p *config.Portal, lang string) error {
	sealed, err := seal.SealedFiles(l.Reviews(), l.Support())
	if err != nil || len(sealed) == 0 {
		return err
	}
	recipients, err := seal.ParseRecipients(p.Data.Recipients)
	if err != nil {
		return fmt.Errorf("%s: %w", l.PortalConfig(), err)
	}
	want := map[string]int{}
	for _, r := range recipients {
		want[seal.StanzaKind(r)]++
	}
	var fs, wrong []Finding
	for _, f := range sealed {
		got, err := seal.Stanzas(f)
		if err != nil {
			fs = append(fs, fileFinding(f, "tệp đã mã hoá bị hỏng hoặc bị sửa (cách sửa: lấy lại từ git)", "the sealed file is damaged or was altered (hint: restore it from git)"))
			continue
		}
		if sameCounts(got, want) {
			continue
		}
		vi := fmt.Sprintf("tệp được mã hoá cho %s, nhưng portal.toml liệt kê %s (cách sửa: người có khoá chạy portal reseal %s rồi commit tệp .age cùng data/portal.toml)", countText(got, "vi"), countText(want, "vi"), f)
		en := fmt.Sprintf("the file is sealed for %s but portal.toml lists %s (hint: someone with a key runs portal reseal %s, then commits the .age file with data/portal.toml)", countText(got, "en"), countText(want, "en"), f)
		wrong = append(wrong, fileFinding(f, vi, en))
	}
	if len(wrong) == len(sealed) && len(wrong) > 1 {
		// Every file: a person was added or removed and nothing was resealed yet.
		got, _ := seal.Stanzas(sealed[0])
		dir := filepath.Dir(sealed[0])
		wrong = []Finding{fileFinding(dir,
			fmt.Sprintf("cả %d tệp đã mã hoá được mã hoá cho %s, nhưng portal.toml liệt kê %s (cách sửa: người có khoá chạy portal reseal, rồi commit các tệp .age cùng data/portal.toml)", len(sealed), countText(got, "vi"), countText(want, "vi")),
			fmt.Sprintf("all %d sealed files are sealed for %s but portal.toml lists %s (hint: someone with a key runs portal reseal, then commits the .age files with data/portal.toml)", len(sealed), countText(got, "en"), countText(want, "en")))}
	}
	return invalid(append(fs, wrong...), lang)
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func countText(m map[string]int, lang string) string {
	var kinds []string
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		if lang == "en" {
			parts = append(parts, fmt.Sprintf("%d %s recipient(s)", m[k], k))
		} else {
			parts = append(parts, fmt.Sprintf("%d người nhận %s", m[k], k))
		}
	}
	if len(parts) == 0 {
		return map[bool]string{true: "no recipient", false: "không người nhận nào"}[lang == "en"]
	}
	return strings.Join(parts, ", ")
}

// checkKeyOpens tries ids on the header of every sealed file (no payload is
// decrypted). A key that opens none of them is one line; one that opens some but not
// all names the files it does not open.
func checkKeyOpens(sealed []string, ids []age.Identity, lang string) error {
	var closed []string
	for _, f := range sealed {
		ct, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := age.Decrypt(bytes.NewReader(ct), ids...); err != nil {
			var nm *age.NoIdentityMatchError
			if errors.As(err, &nm) {
				closed = append(closed, f)
			}
		}
	}
	if len(closed) == 0 {
		return nil
	}
	if len(closed) == len(sealed) {
		dir := filepath.Dir(sealed[0])
		return invalid([]Finding{fileFinding(dir,
			fmt.Sprintf("khoá của bạn không mở được tệp nào trong %d tệp đã mã hoá (cách sửa: kiểm tra %s hoặc %s chỉ đúng tệp khoá; nếu đúng, gửi khoá công khai age1... cho người quản trị để được thêm vào [data] recipients và mã hoá lại)", len(sealed), seal.EnvIdentity, seal.EnvIdentityFile),
			fmt.Sprintf("your key opens none of the %d sealed files (hint: check that %s or %s names the right key file; if it does, send your age1... public key to the maintainer to be added to [data] recipients and resealed)", len(sealed), seal.EnvIdentity, seal.EnvIdentityFile))}, lang)
	}
	var fs []Finding
	for _, f := range closed {
		fs = append(fs, fileFinding(f,
			"khoá của bạn không mở được tệp này, dù mở được các tệp khác: tệp được mã hoá cho người nhận khác (cách sửa: người có khoá mở được nó chạy portal reseal "+f+")",
			"your key does not open this file though it opens the others: it was sealed for other recipients (hint: someone whose key opens it runs portal reseal "+f+")"))
	}
	return invalid(fs, lang)
}
