// The article shown on first open. Written for Factlens (fictional events,
// invented people), so it can be shipped and changed freely.

export const SAMPLE = `Harbour authority defends Lisbon port expansion as fishermen protest

LISBON, March 14, 2025 — The Port of Lisbon Authority approved a €420 million expansion of the Alcântara container terminal on Thursday, despite a protest by about 300 fishermen outside its headquarters.

Authority president Helena Vasconcelos said the project would double the terminal's capacity to 1.2 million containers a year by 2029. "Without this terminal, ships will simply go to Algeciras or Tangier," she told reporters after the vote. She denied that the dredging would harm the Tagus estuary, saying an environmental study commissioned in 2023 had found "no lasting damage" to fish stocks.

The National Federation of Fishermen disputes that finding. Its spokesman, Rui Tavares Mendes, warned that the dredging season overlaps with the spawning of sardines from April to June. "They are selling the river to shipping companies," he said. According to the federation, catches in the estuary have already fallen by 18 percent since 2019.

The European Commission is expected to decide on a €95 million grant for the project in the autumn. A Commission spokeswoman, Ingrid Solberg, said on Wednesday that Brussels was "still assessing" the environmental file and declined to give a date.

Portugal's minister of infrastructure, Tomás Arriaga, backed the plan last week. He said the expansion would create 2,400 jobs, a figure the Lisbon Chamber of Commerce called conservative. Opposition deputies from the Left Bloc accused the government of rushing the approval before the local elections in October.

The terminal, operated by the Danish company Maersk since 2016, handled 560,000 containers last year. Spanish and Moroccan ports have expanded faster over the past decade, and Chinese investors hold stakes in several of them.

Construction is scheduled to begin on September 1, 2025, and to last four years.`;
