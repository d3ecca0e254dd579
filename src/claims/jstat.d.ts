/** The two distribution functions src/claims/statistical.ts uses from jstat, which ships no types. */
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number };
    binomial: { cdf(k: number, n: number, p: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
