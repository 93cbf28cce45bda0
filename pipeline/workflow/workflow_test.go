package workflow

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// allowedTags lists third-party action references that may use a release tag
// instead of a full commit SHA, written exactly as in the workflow, for
// example "someone/some-action@v2". Add one only when no SHA could be
// verified for that release, and say why in a comment beside it.
var allowedTags = map[string]bool{}

// The only job allowed to hold pages: write and id-token: write.
const (
	pagesWorkflow = "deploy.yml"
	pagesJob      = "deploy"
)

var (
	shaRef         = regexp.MustCompile(`^[0-9a-f]{40}$`)
	versionComment = regexp.MustCompile(`#\s*v\d+(\.\d+)*\b`)
	dockerDigest   = regexp.MustCompile(`@sha256:[0-9a-f]{64}$`)
)

// repoRoot walks up from the test's working directory to the folder that
// holds go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		} else if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod found above the test's working directory")
		}
		dir = parent
	}
}

// yamlFiles returns the .yml and .yaml files directly in dir, sorted.
func yamlFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if !e.IsDir() && (ext == ".yml" || ext == ".yaml") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(files)
	if len(files) == 0 {
		t.Fatalf("no workflow files in %s", dir)
	}
	return files
}

// workflowFiles returns every workflow of the repository.
func workflowFiles(t *testing.T, root string) []string {
	t.Helper()
	return yamlFiles(t, filepath.Join(root, ".github", "workflows"))
}

// lint runs actionlint over paths as a library, with the shellcheck and
// pyflakes integrations off so the result does not depend on what is
// installed. It returns the findings and actionlint's own report.
func lint(t *testing.T, root string, paths []string) ([]*actionlint.Error, string) {
	t.Helper()
	var out bytes.Buffer
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{
		Color:      actionlint.ColorOptionKindNever,
		Shellcheck: "",
		Pyflakes:   "",
		WorkingDir: root,
	})
	if err != nil {
		t.Fatal(err)
	}
	// An explicit project: the result must not depend on whether the tree
	// is a git checkout (actionlint looks for .git otherwise). It also reads
	// .github/actionlint.yaml when there is one.
	project, err := actionlint.NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := linter.LintFiles(paths, project)
	if err != nil {
		t.Fatal(err)
	}
	return findings, out.String()
}

func TestWorkflowsLint(t *testing.T) {
	root := repoRoot(t)
	findings, report := lint(t, root, workflowFiles(t, root))
	for _, f := range findings {
		t.Errorf("%s:%d:%d: %s [%s]", f.Filepath, f.Line, f.Column, f.Message, f.Kind)
	}
	if len(findings) > 0 {
		t.Logf("actionlint report:\n%s", report)
	}
}

// TestLintCatchesBrokenWorkflows proves that TestWorkflowsLint can fail: each
// fixture carries one mistake that actionlint must report.
func TestLintCatchesBrokenWorkflows(t *testing.T) {
	root := repoRoot(t)
	dir := filepath.Join(root, "pipeline", "workflow", "testdata", "broken")
	tests := []struct {
		file    string
		kind    string // actionlint's rule name
		message string // a part of the expected message
	}{
		{"unknown-key.yml", "syntax-check", `unexpected key "runs-onn"`},
		{"bad-expression.yml", "expression", `undefined variable "foo"`},
		{"missing-needs.yml", "job-needs", `"nope"`},
		{"bad-permission.yml", "permissions", `"writ"`},
		{"bad-cron.yml", "events", `invalid CRON format`},
		{"runner-context-in-job-env.yml", "expression", `context "runner" is not allowed here`},
	}

	var listed []string
	for _, tc := range tests {
		listed = append(listed, filepath.Join(dir, tc.file))
		t.Run(tc.file, func(t *testing.T) {
			findings, report := lint(t, root, []string{filepath.Join(dir, tc.file)})
			if len(findings) == 0 {
				t.Fatalf("actionlint reported nothing for %s", tc.file)
			}
			for _, f := range findings {
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("finding without a position: %v", f)
				}
				if f.Kind == tc.kind && strings.Contains(f.Message, tc.message) {
					return
				}
			}
			t.Errorf("no [%s] finding containing %q; actionlint said:\n%s", tc.kind, tc.message, report)
		})
	}

	// Every fixture must be in the table, so none is silently ignored.
	for _, f := range yamlFiles(t, dir) {
		if !slices.Contains(listed, f) {
			t.Errorf("fixture %s has no entry in the table", filepath.Base(f))
		}
	}
}

// parsed is one workflow file, parsed by actionlint, with its source lines.
type parsed struct {
	name  string // base name, e.g. "deploy.yml"
	lines []string
	wf    *actionlint.Workflow
}

func parseWorkflows(t *testing.T) []parsed {
	t.Helper()
	root := repoRoot(t)
	var all []parsed
	for _, path := range workflowFiles(t, root) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		wf, errs := actionlint.Parse(src)
		for _, e := range errs {
			t.Errorf("%s:%d:%d: %s", filepath.Base(path), e.Line, e.Column, e.Message)
		}
		if wf == nil {
			t.Fatalf("%s: could not be parsed", path)
		}
		all = append(all, parsed{
			name:  filepath.Base(path),
			lines: strings.Split(string(src), "\n"),
			wf:    wf,
		})
	}
	return all
}

// jobIDs returns the workflow's job IDs in a stable order.
func jobIDs(wf *actionlint.Workflow) []string {
	ids := make([]string, 0, len(wf.Jobs))
	for id := range wf.Jobs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// checkPinned reports why a uses: reference is not acceptably pinned, or "".
func checkPinned(uses *actionlint.String, lines []string) string {
	ref := uses.Value
	switch {
	case strings.HasPrefix(ref, "./"):
		return "" // an action or workflow in this repository
	case strings.HasPrefix(ref, "docker://"):
		if dockerDigest.MatchString(ref) {
			return ""
		}
		return "a docker image must be pinned by @sha256: digest"
	case allowedTags[ref]:
		return ""
	}
	at := strings.LastIndex(ref, "@")
	if at < 0 {
		return "no @ref"
	}
	if !shaRef.MatchString(ref[at+1:]) {
		return "not pinned to a full 40-hex commit SHA (and not in allowedTags)"
	}
	if uses.Pos == nil || uses.Pos.Line < 1 || uses.Pos.Line > len(lines) {
		return "position unknown, cannot find the version comment"
	}
	if !versionComment.MatchString(lines[uses.Pos.Line-1]) {
		return `pinned SHA needs its release in a comment, e.g. "# v4.2.2"`
	}
	return ""
}

func TestActionsArePinned(t *testing.T) {
	for _, p := range parseWorkflows(t) {
		for _, id := range jobIDs(p.wf) {
			job := p.wf.Jobs[id]
			if job.WorkflowCall != nil && job.WorkflowCall.Uses != nil {
				if why := checkPinned(job.WorkflowCall.Uses, p.lines); why != "" {
					pos := job.WorkflowCall.Uses.Pos
					t.Errorf("%s:%d:%d: job %q uses %s: %s", p.name, pos.Line, pos.Col, id, job.WorkflowCall.Uses.Value, why)
				}
			}
			for _, step := range job.Steps {
				action, ok := step.Exec.(*actionlint.ExecAction)
				if !ok || action.Uses == nil {
					continue
				}
				if why := checkPinned(action.Uses, p.lines); why != "" {
					pos := action.Uses.Pos
					t.Errorf("%s:%d:%d: job %q uses %s: %s", p.name, pos.Line, pos.Col, id, action.Uses.Value, why)
				}
			}
		}
	}
}

// scopes returns the permission scopes as name -> value, lower-cased.
func scopes(perms *actionlint.Permissions) map[string]string {
	m := map[string]string{}
	for _, s := range perms.Scopes {
		if s.Name != nil && s.Value != nil {
			m[strings.ToLower(s.Name.Value)] = strings.ToLower(s.Value.Value)
		}
	}
	return m
}

func TestLeastPrivilege(t *testing.T) {
	sawPagesJob := false
	for _, p := range parseWorkflows(t) {
		top := p.wf.Permissions
		if top == nil {
			t.Errorf("%s: no top-level permissions; set `permissions: {}` or `contents: read`", p.name)
		} else {
			if top.All != nil {
				t.Errorf("%s:%d: top-level permissions %q; list scopes instead", p.name, top.Pos.Line, top.All.Value)
			}
			for name, value := range scopes(top) {
				if value == "write" {
					t.Errorf("%s:%d: top-level permissions grant %s: write; grant it to the one job that needs it", p.name, top.Pos.Line, name)
				}
			}
		}

		for _, id := range jobIDs(p.wf) {
			job := p.wf.Jobs[id]
			perms := job.Permissions
			if perms == nil {
				perms = top
			}
			if perms == nil {
				t.Errorf("%s: job %q runs with the default token permissions; declare them", p.name, id)
				continue
			}
			if perms.All != nil {
				t.Errorf("%s:%d: job %q has permissions %q; list scopes instead", p.name, perms.Pos.Line, id, perms.All.Value)
				continue
			}
			s := scopes(perms)
			isPagesJob := p.name == pagesWorkflow && id == pagesJob
			for name, value := range s {
				if value != "write" {
					continue
				}
				if isPagesJob && (name == "pages" || name == "id-token") {
					continue
				}
				t.Errorf("%s:%d: job %q has %s: write; only %s's %q job may write, and only pages and id-token",
					p.name, perms.Pos.Line, id, name, pagesWorkflow, pagesJob)
			}
			if isPagesJob {
				sawPagesJob = true
				if s["pages"] != "write" || s["id-token"] != "write" {
					t.Errorf("%s: job %q needs pages: write and id-token: write to deploy, has %v", p.name, id, s)
				}
				if job.Environment == nil || job.Environment.Name == nil || job.Environment.Name.Value != "github-pages" {
					t.Errorf("%s: job %q must deploy to the github-pages environment", p.name, id)
				}
			}
		}
	}
	if !sawPagesJob {
		t.Errorf("no job %q in %s", pagesJob, pagesWorkflow)
	}
}

func TestDeployConcurrency(t *testing.T) {
	for _, p := range parseWorkflows(t) {
		if p.name != pagesWorkflow {
			continue
		}
		c := p.wf.Concurrency
		if c == nil || c.Group == nil || strings.TrimSpace(c.Group.Value) == "" {
			t.Fatalf("%s: needs a top-level concurrency group so two deployments never overlap", p.name)
		}
		if c.CancelInProgress != nil && (c.CancelInProgress.Value || c.CancelInProgress.Expression != nil) {
			t.Errorf("%s: cancel-in-progress must be false: a deployment in flight is never cancelled", p.name)
		}
		return
	}
	t.Fatalf("no %s in .github/workflows", pagesWorkflow)
}

// TestSecretsStayInSteps checks that secrets reach only the step that needs
// them, through its env: never the whole workflow or job, never pasted into a
// script, and that no workflow runs on pull_request_target (which would give
// code from forks a privileged token).
func TestSecretsStayInSteps(t *testing.T) {
	usesSecret := func(s *actionlint.String) bool {
		return s != nil && strings.Contains(s.Value, "secrets.")
	}
	envLeaks := func(env *actionlint.Env) []string {
		if env == nil {
			return nil
		}
		var names []string
		if usesSecret(env.Expression) {
			names = append(names, env.Expression.Value)
		}
		for _, v := range env.Vars {
			if usesSecret(v.Value) {
				names = append(names, v.Name.Value)
			}
		}
		slices.Sort(names)
		return names
	}
	for _, p := range parseWorkflows(t) {
		for _, ev := range p.wf.On {
			if hook, ok := ev.(*actionlint.WebhookEvent); ok && hook.Hook != nil && hook.Hook.Value == "pull_request_target" {
				t.Errorf("%s: pull_request_target is not allowed; use pull_request", p.name)
			}
		}
		if names := envLeaks(p.wf.Env); len(names) > 0 {
			t.Errorf("%s: workflow-level env carries secrets %v; move them to the step that needs them", p.name, names)
		}
		for _, id := range jobIDs(p.wf) {
			job := p.wf.Jobs[id]
			if names := envLeaks(job.Env); len(names) > 0 {
				t.Errorf("%s: job %q env carries secrets %v; move them to the step that needs them", p.name, id, names)
			}
			for i, step := range job.Steps {
				run, ok := step.Exec.(*actionlint.ExecRun)
				if ok && usesSecret(run.Run) {
					t.Errorf("%s:%d: job %q step %d puts a secret into its script; pass it through the step's env",
						p.name, run.Run.Pos.Line, id, i+1)
				}
			}
		}
	}
}

// TestPullRequestsBuildWithoutTheKey: the pull-request workflow never reads a
// secret and empties the key variables, so every pull request (a fork's has no
// secrets) takes the keyless path and checks what a fork's would.
func TestPullRequestsBuildWithoutTheKey(t *testing.T) {
	for _, p := range parseWorkflows(t) {
		if p.name != "pr.yml" {
			continue
		}
		for n, line := range p.lines {
			if strings.Contains(line, "secrets.") {
				t.Errorf("pr.yml:%d reads a secret; pull requests build without the key", n+1)
			}
		}
		for _, id := range jobIDs(p.wf) {
			job := p.wf.Jobs[id]
			if !runsPortal(job) {
				continue
			}
			for _, name := range []string{"PORTAL_AGE_IDENTITY", "PORTAL_AGE_IDENTITY_FILE"} {
				v := envVar(job.Env, name)
				if v == nil || v.Value == nil || v.Value.Value != "" {
					t.Errorf("pr.yml: job %q runs portal without setting %s to \"\" in its env", id, name)
				}
			}
		}
		return
	}
	t.Fatal("no pr.yml")
}

// TestDeployBuildsWithTheKey: on main, portal build gets the key from the
// repository secret PORTAL_AGE_IDENTITY (the name docs/khoa-du-lieu.md gives).
func TestDeployBuildsWithTheKey(t *testing.T) {
	for _, p := range parseWorkflows(t) {
		if p.name != pagesWorkflow {
			continue
		}
		found := false
		for _, job := range p.wf.Jobs {
			for _, step := range job.Steps {
				run, ok := step.Exec.(*actionlint.ExecRun)
				if !ok || run.Run == nil || !strings.Contains(run.Run.Value, "portal build") {
					continue
				}
				v := envVar(step.Env, "PORTAL_AGE_IDENTITY")
				if v == nil || v.Value == nil || strings.ReplaceAll(v.Value.Value, " ", "") != "${{secrets.PORTAL_AGE_IDENTITY}}" {
					t.Errorf("%s: the portal build step does not take PORTAL_AGE_IDENTITY from secrets.PORTAL_AGE_IDENTITY", p.name)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no step runs portal build", p.name)
		}
		doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "khoa-du-lieu.md"))
		if err != nil || !bytes.Contains(doc, []byte("PORTAL_AGE_IDENTITY")) {
			t.Errorf("docs/khoa-du-lieu.md does not name the secret PORTAL_AGE_IDENTITY (%v)", err)
		}
		return
	}
	t.Fatalf("no %s", pagesWorkflow)
}

// runsPortal reports whether a job runs the portal command.
func runsPortal(job *actionlint.Job) bool {
	for _, step := range job.Steps {
		if run, ok := step.Exec.(*actionlint.ExecRun); ok && run.Run != nil && strings.Contains(run.Run.Value, "pipeline/cmd/portal") {
			return true
		}
	}
	return false
}

// envVar finds a variable of env by name (GitHub compares them without case).
func envVar(env *actionlint.Env, name string) *actionlint.EnvVar {
	if env == nil {
		return nil
	}
	for k, v := range env.Vars {
		if strings.EqualFold(k, name) || (v.Name != nil && strings.EqualFold(v.Name.Value, name)) {
			return v
		}
	}
	return nil
}
