export interface BenchResult {
  name: string;
  figure: number;
  unit: string;
  /** The same work done by the bare ceiling in the same run. */
  ceiling: number;
  ratio: number;
  note?: string;
}
