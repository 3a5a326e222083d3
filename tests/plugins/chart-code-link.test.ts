// Reading the cell line a chart mark points at from its accessible description.
import { describe, expect, it } from 'vitest';
import { executionCountOf, parseCodeLink } from '../../src/plugins/chart-code-link';

describe('parseCodeLink', () => {
  it('reads the last "— at In[3], line 4" of a mark description', () => {
    expect(
      parseCodeLink('t0: 1; row: bad; what: raised an exception: Error: boom \u2014 at In[3], line 4; when: at 1 s')
    ).toEqual({ cell: 'In[3]', line: 4 });
    expect(parseCodeLink('what: print: at In[1], line 9 \u2014 at In[2], line 5')).toEqual({ cell: 'In[2]', line: 5 });
  });

  it('gives null when the mark points nowhere', () => {
    expect(parseCodeLink('what: running (1 step)')).toBeNull();
    expect(parseCodeLink(null)).toBeNull();
  });

  it('reads the execution count of a JupyterLab cell label', () => {
    expect(executionCountOf('In[12]')).toBe(12);
    expect(executionCountOf('cell[1]')).toBeNull();
  });
});
