"""Hand-written sentence frames for the cooperative PLOVER types (AGREE ... RETREAT).

One line per frame: `mode|modality|template`. mode "-" = none; modality a=asserted, f=future,
i=intended, h=hypothetical, n=negated. A template starting with "H:" is a headline (title case,
no full stop). `[x|y]` picks one alternative; `{SLOT}` draws from `pools.py`. The label is the
act the sentence reports (a future visit is CONSULT + future); the events stage applies the
manual's reductions (future cooperation → AGREE) from the modality.
"""

from __future__ import annotations

FRAMES: dict[str, str] = {
    "AGREE": """
-|a|{S} and {S2} agreed {T} to [restore|resume|expand] [trade links|flights|diplomatic ties] between the two countries.
-|a|{L} promised to [hold|organise] free elections within a year.
-|a|{M} said {T} it was ready to sign a [trade|security|fisheries] pact with {S2}.
-|a|The two governments reached an agreement on {TOP} after months of negotiations.
-|a|{ARM} pledged {T} to respect a [truce|ceasefire] brokered by {IGO}.
-|a|{L} offered to [mediate|host talks] between {S} and {S2}.
-|a|{S} signalled its willingness to [cooperate|work] with {S2} on {TOP}.
-|a|Officials from {S} and {S2} [struck|clinched|sealed] a deal {T} on {TOP}.
-|a|{IGO} and {S} [signed|concluded] a memorandum of understanding on {TOP} in {C}.
-|a|{L} vowed that {S} would honour its commitments under the [accord|treaty].
-|a|H:{S} Agrees To [Resume|Open] Talks With {S2}
-|a|H:{S}, {S2} Strike Deal On {TOP}
-|a|{S} accepted an invitation from {L} to attend a summit in {C}.
-|a|The [warring parties|rival factions] committed {T} to a roadmap for [elections|a unity government].
-|a|{L} gave assurances that {S} would [cooperate with|support] the investigation by {IGO}.
-|a|{S} consented to the deployment of [monitors|observers] from {IGO}.
-|a|Negotiators for {S} and {ARM} [initialled|agreed] a draft peace accord {T}.
-|a|{M} announced that {S} [had agreed|would agree] to a prisoner swap with {S2}.
-|a|In a joint statement, {S} and {S2} undertook to [settle|resolve] their border dispute peacefully.
-|a|{L} expressed willingness to meet [opposition leaders|the rebel leadership] without preconditions.
-|a|{S} signed up to a regional plan to [curb|tackle] {TOP}.
-|n|{S} and {S2} failed to reach an agreement on {TOP} {T}.
-|a|An accord under which {S} will [reduce|cap] its [troop numbers|tariffs] was agreed {T}.
""",
    "CONSULT": """
visit|a|{L} [visited|arrived in] {C} {T} for talks with {L2}.
visit|a|H:{L} Visits {S2}
visit|a|{L} travelled to {S2} {T}, the first such trip in a decade.
visit|a|{L} was received by {L2} at the presidential palace in {C}.
visit|f|{L} will [visit|travel to] {S2} next week for talks on {TOP}.
visit|a|{L2} hosted {L} in {C} {T}.
visit|a|A delegation from {S} [led by|headed by] {L} paid a [visit|call] to {C}.
visit|a|{L}'s [trip|visit] to {S2} focused on {TOP}.
-|a|{L} [met|met with|held talks with] {L2} {T} to discuss {TOP}.
-|a|Officials from {S} and {S2} held [talks|discussions|consultations] on {TOP} in {C}.
-|a|The two leaders discussed {TOP} during a meeting {T}.
-|a|H:{S}, {S2} Hold Talks On {TOP}
-|a|Negotiators from {S} and {ARM} [sat down|gathered] for a fresh round of talks {T}.
-|a|{L} conferred with [army chiefs|senior aides|his cabinet] about {TOP}.
-|a|Envoys from {S} and {S2} negotiated {T} over {TOP}.
-|f|{L} is expected to [meet|hold talks with] {L2} on the sidelines of the summit.
-|n|{L} did not meet {L2} during the trip, officials said.
phone|a|{L} [spoke|talked] by [phone|telephone] with {L2} {T} about {TOP}.
phone|a|{L} and {L2} held a [phone call|video call|telephone conversation] {T}.
phone|a|In a call with {L2}, {L} discussed {TOP}.
multilateral|a|Foreign ministers of {IGO} member states [met|gathered|convened] in {C} {T} to discuss {TOP}.
multilateral|a|{L} attended a summit of {IGO} in {C} {T}.
multilateral|a|Delegates from [20|dozens of|more than 40] countries met at {IGO} headquarters to discuss {TOP}.
third-party|a|{S} and {S2} held indirect talks in {C} mediated by {L}.
third-party|a|{IGO} [hosted|brokered] talks between {S} and {ARM} in {C} {T}.
""",
    "SUPPORT": """
-|a|{L} [praised|commended|hailed] {S2}'s efforts on {TOP}.
-|a|{S} [expressed|voiced] support for {L2}'s [reform plan|peace initiative] {T}.
-|a|{M} welcomed the decision by {S2} to [hold elections|release the report].
-|a|{S} formally recognised the new government in {C} {T}.
-|a|{S} and {S2} [established|restored|re-established] diplomatic relations {T}.
-|a|The parliament of {S} ratified the [trade agreement|treaty] with {S2}.
-|a|H:{S} Backs {S2}'s Bid For [Seat On Security Council|EU Membership]
-|a|{L} [endorsed|backed] the candidacy of {L2} for the top post at {IGO}.
-|a|{S} and {S2} signed a [friendship treaty|peace agreement|trade agreement] in {C} {T}.
-|a|{L} thanked {S2} for its [solidarity|support] during the crisis.
-|a|{IGO} applauded the peaceful conduct of the vote in {S}.
-|a|{L} said {S} stood firmly [behind|with] {S2} in its dispute with its neighbour.
-|a|{S} [upgraded|raised] its diplomatic mission in {C} to embassy level.
-|a|{M} issued a statement [approving|endorsing] the ceasefire deal.
-|a|{L} congratulated {L2} on [winning the election|his re-election].
-|a|The declaration was signed by the leaders of {S} and {S2} at a ceremony {T}.
-|a|{S} reopened its embassy in {C} after a [five-year|decade-long] break.
-|a|Leaders of {IGO} [voiced|pledged] political backing for the transitional authorities in {S}.
-|a|{L} [defended|championed] {S2}'s right to [self-defence|join the bloc].
-|n|{S} has not recognised the breakaway region, {M} said.
""",
    "CONCEDE": """
-|a|{M} [lifted|eased] the curfew in {C} {T}.
-|a|{L} [pardoned|granted amnesty to] {N} political prisoners.
-|a|{L} apologised {T} for the killing of [civilians|protesters] by security forces.
-|a|{S} [dropped|withdrew] its objection to {S2}'s membership of {IGO}.
-|a|The government [backed down|gave in] to the demands of striking {CR}.
-|a|{L} [expressed regret|expressed remorse] over the deaths caused by the [raid|airstrike].
-|a|{ARM} declared a unilateral ceasefire {T}.
-|a|A court in {C} acquitted {PPL} of [treason|terrorism charges].
-|a|{M} [relaxed|scrapped] restrictions on [foreign media|opposition rallies|NGOs].
-|a|H:{S} Lifts Ban On [Opposition Party|Foreign Journalists]
-|a|{L} announced that {S} would withdraw its troops from {C}.
-|a|The junta in {S} [conceded|agreed] to hand power to a civilian government.
-|a|{CR} [suspended|called off] their protest after talks with {M}.
-|a|{S} [softened|eased] its stance on {TOP} under pressure from {IGO}.
-|a|{L} [accepted|acknowledged] responsibility for the failures of the security services.
-|a|The authorities agreed to [reinstate|rehire] {N} dismissed workers.
-|a|{S} said it would allow [foreign observers|journalists] to cover the vote.
-|a|{M} [unfroze|released] the assets of {PPL}.
-|a|{L} [commuted|reduced] the death sentences of {N} prisoners.
-|n|{L} refused to apologise for his remarks about {S2}.
""",
    "COOPERATE": """
-|a|The armies of {S} and {S2} [held|staged|conducted] joint military exercises {T}.
-|a|{S} and {S2} [agreed to share|began sharing|shared] intelligence on {TOP}.
-|a|{S} extradited {PPL} to {S2} {T}.
-|a|{S} and {S2} launched a joint [investment fund|infrastructure project] worth {$}.
-|a|{CO} and {S} [signed|began] a joint venture to develop [oil fields|a port|a railway].
-|a|The navies of {S} and {S2} carried out joint patrols in the [strait|gulf].
-|a|H:{S}, {S2} Boost Trade Ties
-|a|{S} and {S2} [expanded|deepened|stepped up] economic cooperation {T}.
-|a|Police in {S} and {S2} [cooperated|worked together] to dismantle a [smuggling|trafficking] ring.
-|a|{S} handed over {N} suspects to {S2} under an extradition treaty.
-|a|The two countries [resumed|restarted] direct flights and trade {T}.
-|a|{S} and {S2} exchanged [data|information] on suspected foreign fighters.
-|a|{M} and {IGO} carried out a joint operation against [poachers|traffickers].
-|a|{S} [opened|reopened] its border crossings to trade with {S2} {T}.
-|a|Scientists from {S} and {S2} [collaborated|teamed up] on a nuclear safety programme.
-|f|{S} and {S2} will hold joint naval drills next month.
-|a|{S} supplied {S2} with [natural gas|electricity] under a new [barter|exchange] deal.
-|a|{S} and {S2} [set up|created] a joint border commission {T}.
-|a|Customs officials of {S} and {S2} began joint inspections at the border.
-|a|The two [central banks|governments] [signed|activated] a currency swap line.
""",
    "AID": """
-|a|{S} [sent|delivered|shipped] {N} tonnes of [food aid|medical supplies|humanitarian aid] to {S2} {T}.
-|a|{IGO} [approved|disbursed] a {$} loan to {S}.
-|a|{S} granted asylum to {PPL} {T}.
-|a|{S} [provided|supplied] {S2} with [weapons|air defence systems|armoured vehicles].
-|a|{S} pledged {$} in [reconstruction aid|emergency assistance] for {S2}.
-|a|H:{S} Sends Aid To [Flood Victims|Quake Survivors] In {S2}
-|a|{IGO} [distributed|handed out] food to {N} displaced families in {C}.
-|a|{S} [forgave|cancelled|wrote off] {$} of {S2}'s debt.
-|a|Military doctors from {S} [treated|cared for] the wounded in {C}.
-|a|{S} deployed [rescue teams|army engineers] to help {S2} after the earthquake.
-|a|{IGO} [airlifted|flew in] [tents|vaccines|blankets] to {C} {T}.
-|a|{S} gave {S2} a grant of {$} to [rebuild schools|repair the power grid].
-|a|{S} offered shelter to refugees fleeing the fighting in {S2}.
-|a|{S} [trained|is training] {N} [police officers|soldiers] from {S2}.
-|a|A convoy carrying aid from {IGO} reached {C} {T}.
-|a|{S} [donated|handed over] [ambulances|generators|patrol boats] to {S2}.
-|a|{S} provided [budget support|financial assistance] worth {$} to {S2}.
-|a|{S} paid compensation to the families of {PPL} killed in the [raid|crash].
-|a|{S} [released|unlocked] emergency funds for the drought-hit regions of {S2}.
-|f|{S} will send {N} peacekeepers to {S2}, {M} said.
""",
    "RETREAT": """
withdraw|a|{S} [withdrew|pulled out] its troops from {C} {T}.
withdraw|a|{ARM} [retreated|pulled back] from positions around {C}.
withdraw|a|H:{S} Pulls Troops Out Of {C}
withdraw|a|The last [soldiers|units] of {S} left the [base|region] {T}.
withdraw|a|{S} completed the withdrawal of its forces from the border zone.
release|a|{ARM} [freed|released] {PPL} [held hostage|kidnapped] last year.
release|a|{S} released {N} [prisoners|detainees] {T} as part of the deal.
release|a|{PPL} were set free after [weeks|months] in captivity.
release|a|{S} and {ARM} exchanged [prisoners|captives] in {C} {T}.
disarm|a|{ARM} [handed over|surrendered|gave up] their weapons to {IGO} monitors.
disarm|a|{N} former fighters laid down their arms in {C} {T}.
disarm|a|{S} dismantled its stockpile of chemical weapons under {IGO} supervision.
ceasefire|a|A ceasefire between {S} and {ARM} took effect {T}.
ceasefire|a|The guns fell silent in {C} as the truce [came into force|held].
ceasefire|a|{ARM} [halted|stopped] attacks in line with the truce.
access|a|{S} [allowed|granted] {IGO} access to the [detention centres|besieged town].
access|a|Aid agencies were [allowed|permitted] into {C} for the first time in months.
access|a|{S} opened a humanitarian corridor to {C} {T}.
resign|a|{L} resigned {T} amid [protests|a corruption scandal].
resign|a|H:{S} [Prime Minister|Defence Minister] Steps Down
resign|a|{L} [stepped down|quit] after [losing a confidence vote|mass protests].
resign|a|The head of the [central bank|electoral commission] of {S} [tendered|handed in] his resignation.
""",
}
