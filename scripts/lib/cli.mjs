/** The command line of our scripts: `flag("--no-build")` and `value("--port")` (the word after the flag). */
export function commandLine(args = process.argv.slice(2)) {
  return {
    args,
    flag: (name) => args.includes(name),
    value: (name) => {
      const i = args.indexOf(name);
      return i >= 0 ? args[i + 1] : undefined;
    },
  };
}
