/**
 * The working state of a split: which seat holds each account, the load of every seat in each
 * balanced dimension, and each seat's member list (with positions, so a move costs O(1)).
 */
export class Partition {
  /** Seat index per account; -1 while unplaced. */
  readonly assign: Int32Array;
  /** load[d][seat]: the seat's sum of size[d] over its accounts. */
  readonly load: Float64Array[];
  readonly members: number[][];
  private readonly pos: Int32Array;

  /**
   * @param size size[d][account]: what is balanced in each dimension (potential, then workload).
   * @param seats the number of seats.
   */
  constructor(
    readonly size: readonly Float64Array[],
    seats: number,
  ) {
    const n = size[0].length;
    this.assign = new Int32Array(n).fill(-1);
    this.pos = new Int32Array(n).fill(-1);
    this.load = size.map(() => new Float64Array(seats));
    this.members = Array.from({ length: seats }, () => []);
  }

  /** Puts an unplaced account in a seat. */
  place(account: number, seat: number): void {
    this.assign[account] = seat;
    this.pos[account] = this.members[seat].length;
    this.members[seat].push(account);
    for (let d = 0; d < this.size.length; d++) this.load[d][seat] += this.size[d][account];
  }

  /** Moves a placed account to another seat. */
  move(account: number, seat: number): void {
    const from = this.assign[account];
    const list = this.members[from];
    const i = this.pos[account];
    const last = list[list.length - 1];
    list[i] = last;
    this.pos[last] = i;
    list.pop();
    for (let d = 0; d < this.size.length; d++) this.load[d][from] -= this.size[d][account];
    this.place(account, seat);
  }
}
