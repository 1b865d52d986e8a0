"""A third set of frames, one block per type, written from the PLOVER category definitions
(not from model errors): the acts each category lists, in news phrasings not used above.
Same line format as `frames_coop.py`."""

from __future__ import annotations

FRAMES: dict[str, str] = {
    "AGREE": """
-|a|{ARM} [said|announced] it was ready to [lay down its arms|join the peace process] if the army withdrew.
-|a|{L} [committed|pledged] {S} to [ratifying|signing] the [climate accord|arms treaty] before the end of the year.
-|a|Under the [deal|compromise] agreed {T}, {S} [will|is to] [reopen|rebuild] the border crossing.
-|a|{S} [expressed|signalled] readiness to [normalise|restore] relations with {S2}.
-|a|{L} accepted [a proposal|an offer] by {IGO} for [mediation|a ceasefire].
-|a|H:{S} [Pledges|Promises|Vows] To [Cooperate|Work] With {IGO}
""",
    "CONSULT": """
-|a|Senior officials from {S} and {S2} [held|wrapped up] [a second day of|two days of] talks in {C}.
visit|a|{L} [landed|arrived] in {C} {T} at the start of a tour of the region.
-|a|{L} and {L2} [discussed|reviewed|went over] {TOP} [over dinner|at a working lunch|behind closed doors].
visit|a|The visiting [delegation|minister] from {S} was [welcomed|greeted] by {L2}.
multilateral|a|Envoys [met|sat down] at the {IGO} [headquarters|secretariat] to discuss {TOP}.
-|a|H:{S} And {ARM} [Resume|Open] Talks
""",
    "SUPPORT": """
-|a|{S} [welcomed|hailed|applauded] the [release|election|agreement] as a [positive|welcome] [step|development].
-|a|{L} [reaffirmed|reiterated] {S}'s [support|backing] for the [sovereignty|territorial integrity] of {S2}.
-|a|{S} and {S2} [agreed to establish|established|opened] [diplomatic|consular] relations {T}.
-|a|{IGO} [praised|commended] {S} for [holding|organising] [peaceful|credible] elections.
-|a|{L} [signed|put his signature to] the [accord|declaration|treaty] with {S2} in {C}.
-|a|H:{IGO} [Hails|Welcomes] {S} [Peace Deal|Election|Reforms]
""",
    "CONCEDE": """
-|a|{S} [agreed|consented] to [lift|ease|end] the [blockade|siege|restrictions] on {C}.
-|a|{M} [reversed|revoked|cancelled] the [ban|decision|order] on [the opposition|foreign NGOs|rallies].
-|a|{L} [admitted|acknowledged] that the [election|operation] had been [flawed|mishandled].
-|a|{ARM} [announced|declared] a [halt|pause|suspension] of [attacks|operations|hostilities].
-|a|{S} [recognised|accepted] the [result|outcome|ruling] and [conceded defeat|congratulated the winner].
-|a|H:{L} [Apologises|Apologizes] For [Massacre|Killings|Abuses]
""",
    "COOPERATE": """
-|a|{S} and {S2} [signed|implemented|put into force] a [free trade|investment|customs] agreement {T}.
-|a|{S} [returned|handed back|repatriated] [a fugitive|{PPL}|suspects] to {S2} at its request.
-|a|Troops from {S} and {S2} [trained|patrolled|fought] [together|alongside each other] in {C}.
-|a|{S} [supplied|sold] {S2} [oil|wheat|power] under a [long-term|new] [contract|deal].
-|a|{S} and {S2} [coordinated|joined forces] [on|in] [a search operation|the fight against {ARM}|rescue efforts].
-|a|H:{S}, {S2} [Sign|Seal] [Trade|Energy|Investment] Pact
""",
    "AID": """
-|a|{S} [gave|handed|provided] {S2} [military aid|weapons|ammunition] worth {$}.
-|a|[Aid workers|Volunteers|Relief teams] from {IGO} [delivered|distributed|brought] [water|food|medicine] to {C}.
-|a|{S} [took in|received|welcomed] [thousands of|hundreds of] refugees from {S2} {T}.
-|a|{S} [lent|loaned|transferred] {$} to {S2} to [pay for|cover] [imports|salaries|reconstruction].
-|a|{S} [rushed|airlifted|flew] [tents|food|medicine|doctors] to [earthquake|flood|storm] victims in {S2}.
-|a|H:{S} [Grants|Gives|Sends] {$} In Aid To {S2}
""",
    "RETREAT": """
withdraw|a|[Troops|Soldiers|Forces] of {S} [left|withdrew from|pulled out of] {C} {T}, ending [an occupation|a deployment].
release|a|{N} [prisoners|detainees|hostages] [walked free|were freed|were released] {T} under the [deal|amnesty].
disarm|a|{ARM} [destroyed|decommissioned|gave up] [its weapons|its arsenal|heavy weapons] under the peace deal.
ceasefire|a|[Fighting|Shelling|Attacks] [stopped|ceased|ended] in {C} as [a truce|a ceasefire] [began|took hold].
access|a|{S} [opened|unlocked|reopened] [the border|crossings|the airport] to [aid convoys|humanitarian workers].
resign|a|{L} [announced his resignation|offered to resign|submitted his resignation] {T}.
""",
    "REQUEST": """
-|a|{S} [called on|urged|pressed] {S2} to [release|hand over|return] {PPL}.
-|a|{L} [demanded|insisted] that {S2} [apologise|pay compensation|withdraw its troops].
-|a|[Opposition parties|{CR}|{NGO}] [called for|demanded|urged] [a recount|the minister's resignation|new elections].
-|a|{M} [appealed to|asked] [donors|{IGO}|neighbouring countries] for [funds|help|support] to [rebuild|feed] {C}.
-|a|{IGO} [urged|asked|told] {S} to [stop|halt|end] [the executions|the crackdown|the evictions].
-|a|H:{S} [Demands|Urges] {S2} [Release|Free|Hand Over] {PPL}
""",
    "ACCUSE": """
disapprove|a|{S} [summoned|called in] {S2}'s [ambassador|envoy|charge d'affaires] to [complain|protest] about [the remarks|the arrest|the incursion].
disapprove|a|{L} [denounced|condemned|criticised] the [sanctions|verdict|raid] as [unacceptable|illegal|a provocation].
investigate|a|[Prosecutors|Police|Investigators] [are probing|opened a case into|are examining] [the deaths|the fire|claims of fraud] in {C}.
allege|a|{NGO} [accused|charged] {S} [of|with] [war crimes|torture|mass arrests] in {C}.
allege|a|{M} [filed|brought] [charges|a case|a lawsuit] against {PPL} [over|for] [corruption|incitement].
allege|a|H:{S} [Accuses|Blames] {S2} [For|Over] [Attack|Blast|Coup Plot]
""",
    "REJECT": """
-|a|{S} [refused|declined|would not agree] to [withdraw|pull back|disarm] its [forces|troops].
-|a|{L} [rejected|refused|spurned] [an invitation|a request|calls] to [attend|join] the [summit|talks].
-|a|{S} [dismissed|rejected|ignored] the [ultimatum|demands|appeal] of {IGO}.
-|a|{ARM} [refused|declined] to [release|free|hand over] [the hostages|the captives|prisoners].
-|a|{S} [denied|rejected] [entry|visas|access] to [inspectors|journalists|a UN team] from {IGO}.
-|a|H:{L} [Rules Out|Rejects] [Talks|Resignation|Early Elections]
""",
    "THREATEN": """
-|a|{ARM} [threatened|vowed|warned] [to launch|to unleash|of] [a new offensive|attacks|more bombings] {T}.
territory|a|{L} [threatened|warned he would] [to take|to seize|to occupy] the [disputed region|border area|islands] by force.
expel|a|{S} [warned|threatened] that it [would|might] [expel|throw out] [foreign journalists|aid workers|diplomats].
-|a|{M} warned [of|that there would be] [severe consequences|a tough response] if [the strikes|protests] continued.
-|a|{S} [threatened|warned] to [veto|block] the [resolution|bid|deal] at {IGO}.
-|a|H:{ARM} [Threaten|Vow] [New Attacks|Revenge] On {C}
""",
    "PROTEST": """
demo|a|[Crowds|Thousands|Protesters] [chanting slogans|waving flags|carrying banners] [marched|gathered|rallied] in {C}.
demo|a|{CR} [held|organised|staged] [a protest|a vigil|a march|a rally] against [the government|the war|corruption] {T}.
riot|a|[Protesters|Rioters|Youths] [threw stones|hurled rocks|burned tyres] [at police|in the streets] of {C}.
strike|a|[Workers|Staff|Employees] at [the port|the mines|hospitals|schools] [went on strike|stopped work|walked off the job] {T}.
hunger|a|{PPL} [refused food|started a hunger strike|stopped eating] to [protest|denounce] [their detention|the verdict].
obstruct|a|{CR} [set up|erected|built] [roadblocks|barricades] [on|across] [highways|main roads] near {C}.
""",
    "SANCTION": """
discontinue|a|{S} [halted|stopped|suspended] [arms sales|oil exports|gas supplies|flights] to {S2} {T}.
discontinue|a|{IGO} [imposed|adopted|agreed] [sanctions|an arms embargo|a travel ban] against {S}.
discontinue|a|{S} [closed|shut] its [embassy|consulate|border] [in|with] {S2} [in protest|over the dispute].
expel|a|{S} [declared|named] {N} [diplomats|envoys] of {S2} persona non grata.
withdraw|a|{S} [pulled|withdrew|recalled] its [monitors|ambassador|aid staff|troops] from the [mission|talks|country] {T}.
convict|a|{PPL} [were found guilty|were convicted|were sentenced] [of|for] [treason|graft|terrorism] by a court in {C}.
""",
    "MOBILIZE": """
troops|a|{S} [called up|activated|summoned] [reservists|conscripts|the national guard] [as tensions rose|amid the crisis].
troops|a|{S} [moved|shifted|deployed] [troops|battalions|armoured units] [closer to|towards|near] {C}.
weapons|a|{S} [put|placed] [its nuclear forces|missile units|its air force] on [alert|high alert|standby].
weapons|a|{S} [sent|dispatched|moved] [an aircraft carrier|warships|submarines] [to|towards] the [gulf|coast of {S2}].
police|a|{M} [deployed|sent|stationed] [riot police|security forces|thousands of officers] [across|around|in] {C} [ahead of|before] the [protest|vote|match].
militia|a|{ARM} [gathered|massed|amassed] [hundreds of|thousands of] fighters [near|outside|around] {C}.
""",
    "COERCE": """
arrest|a|{POL} [detained|arrested|held] {PPL} [on suspicion of|accused of|for] [plotting a coup|spying|inciting violence].
seize|a|{POL} [confiscated|seized] [equipment|computers|documents|weapons] [from|at] the [offices|homes] of {PPL}.
curfew|a|{M} [ordered|declared|imposed] a [curfew|lockdown] [on|in] {C} [after|following] the [unrest|clashes].
martial-law|a|{L} [declared|imposed|extended] [martial law|a state of emergency|emergency rule] {T}.
censor|a|{S} [blocked|banned|throttled] [access to|the use of] [social media|messaging apps|foreign news sites].
restrict|a|{POL} [cordoned off|sealed|locked down] [the square|the district|the campus] in {C}.
""",
    "ASSAULT": """
-|a|{ARM} [launched|carried out|mounted] [an attack|an assault|a raid|an offensive] on [government forces|a town|a base] near {C} {T}.
firearms|a|[Soldiers|Police|Gunmen] [opened fire on|shot at|fired on] [a crowd|protesters|a vehicle] in {C}, killing {N}.
explosives|a|[A landmine|An improvised explosive device|A bomb] [killed|wounded|injured] {N} [soldiers|civilians] near {C}.
aerial|a|{S} [bombed|struck|attacked] [rebel|militant] [positions|camps|hideouts] [from the air|with aircraft] {T}.
beat|a|{POL} [beat|assaulted|attacked] [journalists|students|detainees] [with batons|with clubs|in custody].
primitive|a|[A mob|Attackers|Men] [armed with|wielding] [knives|machetes|axes] [killed|attacked|wounded] {N} people in {C}.
""",
}
