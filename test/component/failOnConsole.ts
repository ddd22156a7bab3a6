/**
 * A warning or error from React, Fluent or the control fails the test that caused it, as the end-to-end suite
 * does in the browser: "works but warns" is how regressions hide.
 */
const logged: string[] = [];
for (const level of ["error", "warn"] as const) {
  jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(`console.${level}: ${args.map(String).join(" ").slice(0, 500)}`);
  });
}
afterEach(() => {
  const problems = logged.splice(0);
  if (problems.length) throw new Error(`The test logged:\n${problems.join("\n")}`);
});
