package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/story"
)

// newCommand creates the skeleton of a new story for an officer to fill in.
type newCommand struct {
	stdout, stderr io.Writer
}

func (c *newCommand) Name() string { return "new" }
func (c *newCommand) Synopsis() string {
	return `start a story: new story "Title" --village CODE [--lang vi|en] [--date YYYY-MM-DD]`
}

func (c *newCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	village := fs.String("village", "", "code of the household's village, as in data/portal.toml (required)")
	lang := fs.String("lang", "vi", "language of the story file: vi or en")
	date := fs.String("date", "", "date of the story, YYYY-MM-DD (default today)")
	content := fs.String("content", "", "hand-written pages and stories (default content/)")
	words, err := parseAround(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 || words[0] != "story" {
		return &usageError{msg: `say what to create: portal new story "Tiêu đề" --village T01`}
	}
	title := strings.TrimSpace(strings.Join(words[1:], " "))
	if title == "" {
		return &usageError{msg: `the story needs a title: portal new story "Tiêu đề" --village T01`}
	}
	if *lang != "vi" && *lang != "en" {
		return &usageError{msg: fmt.Sprintf("--lang %q: use vi or en", *lang)}
	}
	if *village == "" {
		return &usageError{msg: "--village is required, for example --village T01"}
	}
	day := time.Now()
	if *date != "" {
		d, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return &usageError{msg: fmt.Sprintf("--date %q: write it as YYYY-MM-DD", *date)}
		}
		day = d
	}
	if story.Slug(title) == "" {
		return &usageError{msg: "the title has no letter or digit to make a folder name from"}
	}

	root, err := paths.FindRoot(".")
	if err != nil {
		return err
	}
	l := paths.New(root, "", *content, "", "")
	portal, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return err
	}
	code, err := villageCode(portal, *village, l.PortalConfig())
	if err != nil {
		return err
	}

	rel, body := story.Scaffold(title, code, *lang, day)
	file := filepath.Join(l.Stories(), filepath.FromSlash(rel))
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists; it was not touched (choose another title, or edit that story)", shown(file))
	}
	if err := createStory(file, body); err != nil {
		return err
	}
	c.nextSteps(shown(file), shown(filepath.Dir(file)))
	return nil
}

// parseAround parses flags that may come before or after the words of the command
// (portal new story "Title" --village T01): parse, take one word, parse the rest.
func parseAround(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	rest := args
	for {
		if err := parseFlagsAndFiles(fs, rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return words, nil
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// villageCode is the declared village a --village names: exactly, or t01 for T01,
// but nothing else.
func villageCode(portal *config.Portal, village, file string) (string, error) {
	if _, ok := portal.Village(village); ok {
		return village, nil
	}
	for _, v := range portal.Villages {
		if strings.EqualFold(v.Code, village) {
			return v.Code, nil
		}
	}
	return "", &usageError{msg: fmt.Sprintf("village %q is not declared in %s; use one of: %s",
		village, file, strings.Join(portal.VillageCodes(), ", "))}
}

// createStory writes a new story file, never over an existing one (O_EXCL: not even
// one created between the caller's check and now).
func createStory(file string, body []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// shown is a path as the officer typed it: relative to the working directory.
func shown(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil {
			return rel
		}
	}
	return p
}

func (c *newCommand) nextSteps(file, dir string) {
	if defaultLang() == "en" {
		fmt.Fprintf(c.stdout, "created %s\n\nNext:\n"+
			"  1. Open it and fill in summary, programmes, indicators and author_role; write the story below the second ---.\n"+
			"  2. Ask the household for consent, keep the paper at the commune office, then set consent: true.\n"+
			"  3. Photos: copy them into %s and list each under photos with its alt text.\n"+
			"  4. Run portal check (and portal check --fix-photos if a photo has location data).\n"+
			"  5. Run portal serve to preview, then open a pull request and ask for a review.\n", file, dir)
		return
	}
	fmt.Fprintf(c.stdout, "đã tạo %s\n\nCác bước tiếp theo:\n"+
		"  1. Mở tệp, điền summary, programmes, indicators và author_role; viết bài bên dưới dòng --- thứ hai.\n"+
		"  2. Hỏi ý kiến hộ, lưu giấy đồng ý ở xã, rồi đổi consent thành true.\n"+
		"  3. Ảnh: chép vào thư mục %s và khai báo từng ảnh trong photos kèm lời mô tả (alt).\n"+
		"  4. Chạy portal check (và portal check --fix-photos nếu ảnh còn thông tin vị trí).\n"+
		"  5. Chạy portal serve để xem trước, rồi gửi đề nghị đăng (pull request) và nhờ duyệt.\n", file, dir)
}
