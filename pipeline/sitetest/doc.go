// Package sitetest holds tests over the built public site: page weight, links, a build
// under a sub-path, and browser tests (chromedp with Chromium, and axe-core for
// accessibility). It has no code of its own; everything is in the _test.go files.
//
// Each test binary builds the sample site once into a temporary folder, from copies of
// data/, content/ and site/, so the tests never touch the working tree.
//
// Browser tests skip when no Chromium is found, except when PORTAL_REQUIRE_BROWSER=1.
// axe-core comes from npm: npm ci --prefix pipeline/sitetest/testdata/axe.
// PORTAL_SHOTS=<dir> keeps a copy of the screenshots there.
package sitetest
