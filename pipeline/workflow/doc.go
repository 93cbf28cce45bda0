// Package workflow checks the repository's GitHub Actions workflows.
//
// It holds tests only: they lint every file in .github/workflows with
// actionlint (used as a Go library, so no external tool is needed), prove on
// broken fixtures under testdata/broken that the lint can fail, and enforce
// the project's CI policies: third-party actions pinned to commit SHAs,
// least-privilege tokens with Pages write access confined to the deploy job,
// a concurrency group on deployments, and secrets passed only to the steps
// that need them.
package workflow
