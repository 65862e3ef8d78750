import type Flatbush from 'flatbush';

/**
 * The zones whose (grown) boxes hold a point, read straight from flatbush's packed tree into a reusable
 * array: flatbush's own search allocates a queue and a result array per call, which at a million points a
 * second is most of the cost. Relies on flatbush 4's documented-in-types fields _boxes, _indices, _levelBounds.
 */
export class PointSearch {
  found = new Uint32Array(64);
  count = 0;
  private stack = new Int32Array(256);

  run(index: Flatbush, x: number, y: number): void {
    const boxes = index._boxes;
    const indices = index._indices;
    const levelBounds = index._levelBounds;
    const nodeSize4 = index.nodeSize * 4;
    const items4 = index.numItems * 4;
    let stack = this.stack;
    let top = 0;
    this.count = 0;
    stack[top++] = boxes.length - 4;
    stack[top++] = levelBounds.length - 1;
    while (top > 0) {
      const level = stack[--top] as number;
      const node = stack[--top] as number;
      const end = Math.min(node + nodeSize4, levelBounds[level] as number);
      const isNode = node >= items4;
      for (let position = node; position < end; position += 4) {
        if (
          x < (boxes[position] as number) ||
          y < (boxes[position + 1] as number) ||
          x > (boxes[position + 2] as number) ||
          y > (boxes[position + 3] as number)
        )
          continue;
        const item = (indices[position >> 2] as number) | 0;
        if (isNode) {
          if (top + 2 > stack.length) {
            const grown = new Int32Array(stack.length * 2);
            grown.set(stack);
            this.stack = stack = grown;
          }
          stack[top++] = item;
          stack[top++] = level - 1;
        } else {
          if (this.count === this.found.length) {
            const grown = new Uint32Array(this.found.length * 2);
            grown.set(this.found);
            this.found = grown;
          }
          this.found[this.count++] = item;
        }
      }
    }
  }
}
