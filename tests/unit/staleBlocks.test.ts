import { describe, expect, it } from 'vitest';
import { CallFailed } from '../../renderer/api.js';
import { staleBlocks } from '../../renderer/state/staleBlocks.js';

describe('a table drops the blocks of an order the core passed over', () => {
  const passedOver = new CallFailed('superseded', 'A newer view of the table was asked for before this one was read.');

  it('drops a passed-over block once later blocks were asked for', () => {
    const blocks = staleBlocks();
    const old = blocks.ask();
    blocks.ask();
    expect(blocks.droppedQuietly(passedOver, old)).toBe(true);
  });

  it('shows it when it is the latest block asked for, and shows every other failure', () => {
    const blocks = staleBlocks();
    const old = blocks.ask();
    const latest = blocks.ask();
    expect(blocks.droppedQuietly(passedOver, latest)).toBe(false);
    expect(blocks.droppedQuietly(new CallFailed('internal', 'Something went wrong: disk I/O error'), old)).toBe(false);
    expect(blocks.droppedQuietly(new Error('The workbench did not answer'), old)).toBe(false);
  });
});
