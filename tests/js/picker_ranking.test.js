// The picker's ranking, run with node's own test runner: node --test tests/js
const test = require("node:test");
const assert = require("node:assert/strict");
const { matchRank, rankOptions } = require("../../src/Campaigns/wwwroot/js/campaigns.js");

const themes = [
  { label: "Arbeidsproductiviteit: procesinnovatie en automatisering" },
  { label: "Duurzaam ondernemen: netcongestie en energie-infrastructuur" },
  { label: "Innovatie: slim produceren en digitalisering" },
  { label: "Technische vakmensen" }
];

test("typing innov picks the label that starts with it over one that only contains it", () => {
  assert.equal(rankOptions(themes, "innov")[0].label, "Innovatie: slim produceren en digitalisering");
  assert.deepEqual(rankOptions(themes, "innov").map((o) => o.label),
    ["Innovatie: slim produceren en digitalisering", "Arbeidsproductiviteit: procesinnovatie en automatisering"]);
});

test("an exact label beats a label that starts with it", () => {
  const options = [{ label: "Netcongestie in Brabant" }, { label: "Netcongestie" }];
  assert.equal(rankOptions(options, "netcongestie")[0].label, "Netcongestie");
});

test("the start of a word beats a match inside a word", () => {
  const options = [{ label: "Energienetten" }, { label: "Duurzaam: netten" }];
  assert.equal(rankOptions(options, "netten")[0].label, "Duurzaam: netten");
  assert.equal(matchRank("Duurzaam: netten", "", "netten"), 2);
  assert.equal(matchRank("Energienetten", "", "netten"), 3);
});

test("case and accents do not matter", () => {
  assert.equal(matchRank("Geïnformeerd", "", "GEINF"), 1);
});

test("a match in the detail only comes last, and nothing matching answers nothing", () => {
  const contacts = [{ label: "Mustafa Amhaouch", detail: "Kamerlid, CDA" }, { label: "CDA-fractie", detail: "" }];
  assert.deepEqual(rankOptions(contacts, "cda").map((o) => o.label), ["CDA-fractie", "Mustafa Amhaouch"]);
  assert.deepEqual(rankOptions(contacts, "zzz"), []);
  assert.equal(matchRank("Mustafa", "", "  "), null);
});

test("equally good matches keep the list's order", () => {
  const options = [{ label: "Vakmensen B" }, { label: "Vakmensen A" }];
  assert.deepEqual(rankOptions(options, "vak").map((o) => o.label), ["Vakmensen B", "Vakmensen A"]);
});
