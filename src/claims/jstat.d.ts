/** The distribution functions src/claims/statistical.ts and sweep.ts use from jstat, which ships no types. */
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number };
    binomial: { cdf(k: number, n: number, p: number): number };
    beta: { inv(p: number, a: number, b: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
