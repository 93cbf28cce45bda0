// Command portal builds the poverty-reduction transparency portal: it reads the
// household reviews, computes and protects the indicators, and publishes the site.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// command is one subcommand: it parses its own flags and does its work in Run.
type command interface {
	Name() string
	Synopsis() string
	Run(ctx context.Context, args []string) error
}

// commands lists every subcommand in the order the usage text shows them.
func commands(stdout, stderr io.Writer) []command {
	return []command{
		&buildCommand{stdout: stdout, stderr: stderr},
		&serveCommand{stdout: stdout, stderr: stderr},
		&checkCommand{stdout: stdout, stderr: stderr},
		&newCommand{stdout: stdout, stderr: stderr},
		&sampleCommand{stdout: stdout, stderr: stderr},
		&releaseCommand{stdout: stdout, stderr: stderr},
		&sealCommand{stdout: stdout, stderr: stderr},
		&resealCommand{stdout: stdout, stderr: stderr},
		&keygenCommand{stdout: stdout, stderr: stderr},
		&versionCommand{stdout: stdout},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and maps its error to an exit code:
// 0 success, 1 invalid input or failure, 2 usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands(stdout, stderr)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.Name() != args[0] {
			continue
		}
		err := c.Run(ctx, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, new(*usageError)):
			fmt.Fprintf(stderr, "portal %s: %v\n", c.Name(), err)
			return 2
		default:
			fmt.Fprintf(stderr, "portal %s: %v\n", c.Name(), err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "portal: unknown command %q\n\n", args[0])
	usage(stderr, cmds)
	return 2
}

func usage(w io.Writer, cmds []command) {
	var b strings.Builder
	b.WriteString("Portal publishes the commune's poverty-reduction results as a website and open data.\n\n")
	b.WriteString("Usage:\n\n\tportal <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.Name(), c.Synopsis())
	}
	b.WriteString("\nUse \"portal <command> -h\" for more information about a command.\n")
	io.WriteString(w, b.String())
}

// usageError is a mistake in the command line, as opposed to in the data.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// newFlagSet returns a flag set that reports errors instead of exiting, so Run can
// return them and main can map them to exit code 2.
func newFlagSet(name, synopsis string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "usage: portal %s [flags]\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlagsAndFiles parses args for a command that takes file names after its flags.
func parseFlagsAndFiles(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{msg: err.Error()}
	}
	return nil
}

// parseFlags parses args and turns a flag mistake into a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := parseFlagsAndFiles(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}
