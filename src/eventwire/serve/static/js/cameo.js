// Facts of the CAMEO codebook (Schrodt et al.) that the filter bar and legends show.
export const ROOTS = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
  "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
  "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Use unconventional mass violence",
};
export const QUADS = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
