/** The cell the cell benchmark compiles and runs (a helper module of cells.bench.mjs). */

/** A lesson-sized cell (gather, createTask, TaskGroup, timeout), 40 lines. */
export const LESSON_CELL = `// The lesson: three ways to run the same work
async function fetchData(name: string, delay: number): Promise<string> {
  print(\`\${name}: start at \${now()}\`);
  await sleep(delay);
  print(\`\${name}: done at \${now()}\`);
  return \`\${name} data\`;
}

async function sequential() {
  const a = await fetchData("a", 1);
  const b = await fetchData("b", 2);
  return [a, b];
}

async function withTasks() {
  const ta = createTask(fetchData("a", 1));
  const tb = createTask(fetchData("b", 2));
  return [await ta, await tb];
}

async function withGather() {
  return await gather(fetchData("a", 1), fetchData("b", 2), fetchData("c", 3));
}

async function withGroup() {
  const results: string[] = [];
  await using tg = new TaskGroup();
  for (const [name, d] of [["x", 1], ["y", 2]] as const) {
    tg.createTask((async () => { results.push(await fetchData(name, d)); })());
  }
  return results;
}

async function main() {
  print("sequential:", await sequential(), "at", now());
  print("tasks:", await withTasks(), "at", now());
  print("gather:", await gather(withGather(), sleep(0.5)), "at", now());
  print("group:", await withGroup(), "at", now());
}
run(main());
`;
