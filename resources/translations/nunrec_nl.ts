<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="256"/>
        <source>The recording itself is no longer available.</source>
        <translation>De opname zelf is niet meer beschikbaar.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="63"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="72"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="95"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="73"/>
        <source>Action (e.g. recordings.play)</source>
        <translation>Handeling (bijv. recordings.play)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="74"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="99"/>
        <source>Object id</source>
        <translation>Object-id</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="75"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="77"/>
        <source>Check chain</source>
        <translation>Controleer keten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="84"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="84"/>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="94"/>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="96"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="97"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="98"/>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="100"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="101"/>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="102"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="103"/>
        <source>Workstation</source>
        <translation>Werkplek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="138"/>
        <source>%1 entries</source>
        <translation>%1 regels</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="141"/>
        <source>Checking the chain...</source>
        <translation>De keten wordt gecontroleerd...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="150"/>
        <source>The chain is intact: %1 entries checked.</source>
        <translation>De keten is intact: %1 regels gecontroleerd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="155"/>
        <source>The chain is NOT intact from entry %1: %2</source>
        <translation>De keten is NIET intact vanaf regel %1: %2</translation>
    </message>
</context>
<context>
    <name>CyclesPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="61"/>
        <source>Coaching cycles</source>
        <translation>Coachingscycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="65"/>
        <source>Every 4 to 6 weeks a few calls per employee: due from week 4, overdue after week 6. Most urgent first.</source>
        <translation>Elke 4 tot 6 weken een paar gesprekken per medewerker: aan de beurt vanaf week 4, te laat na week 6. Het dringendste bovenaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="74"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="75"/>
        <source>Last cycle</source>
        <translation>Laatste cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="77"/>
        <source>Evaluated in this cycle</source>
        <translation>Beoordeeld in deze cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="78"/>
        <source>Disappearing within 7 days</source>
        <translation>Verdwijnt binnen 7 dagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="88"/>
        <source>Pick calls</source>
        <translation>Kies gesprekken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="90"/>
        <source>Side-by-side session...</source>
        <translation>Side-by-side sessie...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="94"/>
        <source>Replace this pick</source>
        <translation>Vervang deze keuze</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="96"/>
        <source>Draws another call in its place; the replacement is recorded with the draw.</source>
        <translation>Trekt een ander gesprek in de plaats hiervan; de vervanging wordt bij de trekking vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="171"/>
        <source>No calls picked for %1 yet. &apos;Pick calls&apos; draws them.</source>
        <translation>Nog geen gesprekken gekozen voor %1. &apos;Kies gesprekken&apos; trekt ze.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="179"/>
        <source>Choose an employee first.</source>
        <translation>Kies eerst een medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="204"/>
        <source>Choose the pick to replace first.</source>
        <translation>Kies eerst welk gekozen gesprek je wilt vervangen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="222"/>
        <source>No suitable calls for %1 now (at least 60 s, not yet evaluated, visible to you).</source>
        <translation>Nu geen geschikte gesprekken voor %1 (minstens 60 s, nog niet beoordeeld, zichtbaar voor u).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="231"/>
        <source>  - evaluated</source>
        <translation>  - beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="238"/>
        <source>Draw %1 of %2 for %3: %4 of %5 picked calls evaluated. Double-click one to listen.</source>
        <translation>Trekking %1 van %2 voor %3: %4 van de %5 gekozen gesprekken beoordeeld. Dubbelklik om te beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="248"/>
        <source>One pick replaced; the replacement is recorded with draw %1 (%2 replacement(s)).</source>
        <translation>Eén keuze vervangen; de vervanging is vastgelegd bij trekking %1 (%2 vervanging(en)).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="254"/>
        <source>%1 call(s) picked for %2 (draw %3, seed %4). Double-click one to listen.</source>
        <translation>%1 gesprek(ken) gekozen voor %2 (trekking %3, seed %4). Dubbelklik om te beluisteren.</translation>
    </message>
</context>
<context>
    <name>ErasurePage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="55"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="176"/>
        <source>Erasure request</source>
        <translation>Verzoek tot verwijdering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="59"/>
        <source>A caller asked for the recording of their call to be deleted. Enter the approximate time of the call and the number the caller gives. The number is only used to search: it is not stored or logged.</source>
        <translation>Een beller heeft gevraagd de opname van het gesprek te verwijderen. Vul het geschatte tijdstip van het gesprek in en het nummer dat de beller opgeeft. Het nummer wordt alleen gebruikt om te zoeken: het wordt niet bewaard of gelogd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="70"/>
        <source>e.g. 06-12345678</source>
        <translation>bijv. 06-12345678</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="75"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="76"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="79"/>
        <source>Time of the call (approx.)</source>
        <translation>Tijdstip van het gesprek (ongeveer)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="80"/>
        <source>Caller&apos;s number</source>
        <translation>Nummer van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="81"/>
        <source>Search window (+/-)</source>
        <translation>Zoekvenster (+/-)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="83"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="83"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="83"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="92"/>
        <source>Reference of the request, e.g. VZ-2026-017</source>
        <translation>Kenmerk van het verzoek, bijv. VZ-2026-017</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="93"/>
        <source>Delete the chosen recording</source>
        <translation>Gekozen opname verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="138"/>
        <source>%1 recording(s) found.</source>
        <translation>%1 opname(s) gevonden.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="141"/>
        <source>%1 item(s) in the recording store around this time are invalid or duplicated and were skipped; the caller&apos;s recording may be among them. Have IT check them (details in logs/nunrec.log).</source>
        <translation>%1 onderdelen in de opnameopslag rond dit tijdstip zijn ongeldig of dubbel en zijn overgeslagen; de opname van de beller kan daarbij zitten. Laat IT ze nakijken (details in logs/nunrec.log).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="149"/>
        <source>Choose exactly one recording.</source>
        <translation>Kies precies één opname.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="154"/>
        <source>Delete the recording of %1 (%2) for good?</source>
        <translation>De opname van %1 (%2) definitief verwijderen?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="172"/>
        <source>The recording of %1 is deleted and will never be shown again.</source>
        <translation>De opname van %1 is verwijderd en wordt nooit meer getoond.</translation>
    </message>
</context>
<context>
    <name>ErrorHooks</name>
    <message>
        <location filename="../../nunrec_desktop/ui/error_hooks.py" line="78"/>
        <source>Something unexpected went wrong. Try again; if it keeps happening, give IT the log file (logs/nunrec.log in the workspace).</source>
        <translation>Er ging iets onverwachts mis. Probeer het opnieuw; gebeurt het vaker, geef IT dan het logbestand (logs/nunrec.log in de werkmap).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/error_hooks.py" line="84"/>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
</context>
<context>
    <name>EvaluationForm</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="133"/>
        <source>Evaluation (5A)</source>
        <translation>Beoordeling (5A)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="135"/>
        <source>Open a call to evaluate it.</source>
        <translation>Open een gesprek om het te beoordelen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="160"/>
        <source>What went well</source>
        <translation>Wat ging er goed</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="161"/>
        <source>Development points</source>
        <translation>Ontwikkelpunten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="162"/>
        <source>Notes about the manner of the call (no caller details)</source>
        <translation>Notities over de manier van het gesprek (geen gegevens van de beller)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="174"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="176"/>
        <source>Possible caller details</source>
        <translation>Mogelijke gegevens van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="179"/>
        <source>Mask</source>
        <translation>Maskeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="180"/>
        <source>Keep with a reason...</source>
        <translation>Behouden met reden...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="181"/>
        <source>Mask all</source>
        <translation>Alles maskeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="205"/>
        <source>Mask them, or keep them with a reason.</source>
        <translation>Maskeer ze, of behoud ze met een reden.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="207"/>
        <source>No possible caller details in your text.</source>
        <translation>Geen mogelijke gegevens van de beller in je tekst.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="222"/>
        <source>Next open question</source>
        <translation>Volgende open vraag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="226"/>
        <source>Submit</source>
        <translation>Indienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="229"/>
        <source>New version (correct)</source>
        <translation>Nieuwe versie (corrigeren)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="231"/>
        <source>Next chosen call</source>
        <translation>Volgende gekozen gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="234"/>
        <source>Back to the list</source>
        <translation>Terug naar de lijst</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="312"/>
        <source>Explanation</source>
        <translation>Uitleg</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="316"/>
        <source>Explanation: %1</source>
        <translation>Uitleg: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="342"/>
        <source>Comment (required for: %1)</source>
        <translation>Toelichting (verplicht bij: %1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="344"/>
        <source>Comment (optional)</source>
        <translation>Toelichting (optioneel)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="346"/>
        <source>Comment: %1</source>
        <translation>Toelichting: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="361"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="650"/>
        <source>Tops</source>
        <translation>Tops</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="362"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="650"/>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="363"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="650"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="384"/>
        <source>This is the default guideline shipped with nunrec (version %1). The municipality replaces it with its own conversation guideline.</source>
        <translation>Dit is de standaardleidraad van nunrec (versie %1). De gemeente vervangt deze door haar eigen gespreksleidraad.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="397"/>
        <source>When this draft was saved, %1 possible caller details were masked in it. Check the text.</source>
        <translation>Bij het opslaan van dit concept zijn %1 mogelijke gegevens van bellers gemaskeerd. Controleer de tekst.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="447"/>
        <source>Draft - changes not saved yet</source>
        <translation>Concept - wijzigingen nog niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="477"/>
        <source>Draft - saved automatically; %1 possible caller details are stored masked until you mask or keep them.</source>
        <translation>Concept - automatisch opgeslagen; %1 mogelijke gegevens van bellers zijn gemaskeerd opgeslagen tot je ze maskeert of behoudt.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="483"/>
        <source>The draft could not be saved: %1</source>
        <translation>Het concept kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="490"/>
        <source>guideline %1, version %2 of this evaluation</source>
        <translation>leidraad %1, versie %2 van deze beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="496"/>
        <source>Submitted on %1 (%2). Read only.</source>
        <translation>Ingediend op %1 (%2). Alleen-lezen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="498"/>
        <source>Draft - saved automatically (%1)</source>
        <translation>Concept - automatisch opgeslagen (%1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="525"/>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="526"/>
        <source>Summary: %1</source>
        <translation>Samenvatting: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="550"/>
        <source>All questions answered</source>
        <translation>Alle vragen beantwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="552"/>
        <source>1 question open</source>
        <translation>Nog 1 vraag open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="554"/>
        <source>%1 questions open</source>
        <translation>Nog %1 vragen open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="558"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="639"/>
        <source>1 possible caller detail</source>
        <translation>1 mogelijk gegeven van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="560"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="615"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="641"/>
        <source>%1 possible caller details</source>
        <translation>%1 mogelijke gegevens van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="563"/>
        <source>ready to submit</source>
        <translation>klaar om in te dienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="654"/>
        <source>the note you are typing</source>
        <translation>de notitie die je nu typt</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="659"/>
        <source>comment at %1</source>
        <translation>toelichting bij %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="854"/>
        <source>There is no other chosen call left to evaluate in this cycle.</source>
        <translation>Er is in deze cyclus geen ander gekozen gesprek meer om te beoordelen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="664"/>
        <source>mark %1</source>
        <translation>markering %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="758"/>
        <source>This cannot be kept; mask it. Only names and phone numbers can be kept, with a reason.</source>
        <translation>Dit kun je niet behouden; maskeer het. Alleen namen en telefoonnummers kun je behouden, met een reden.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="772"/>
        <source>Keep this text</source>
        <translation>Deze tekst behouden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="773"/>
        <source>Why may “%1” stay? At least %2 characters (for example: the name of a colleague).</source>
        <translation>Waarom mag “%1” blijven staan? Minstens %2 tekens (bijvoorbeeld: de naam van een collega).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="822"/>
        <source>1 question is still open</source>
        <translation>1 vraag is nog open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="824"/>
        <source>%1 questions are still open</source>
        <translation>%1 vragen zijn nog open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="828"/>
        <source>1 possible caller detail is not masked or kept</source>
        <translation>1 mogelijk gegeven van de beller is nog niet gemaskeerd of behouden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="830"/>
        <source>%1 possible caller details are not masked or kept</source>
        <translation>%1 mogelijke gegevens van de beller zijn nog niet gemaskeerd of behouden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="832"/>
        <source>Not submitted yet: %1. They are marked in the form.</source>
        <translation>Nog niet ingediend: %1. Je ziet ze gemarkeerd in het formulier.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="833"/>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="849"/>
        <source>Every chosen call of this cycle is evaluated (or no calls were chosen).</source>
        <translation>Alle gekozen gesprekken van deze cyclus zijn beoordeeld (of er zijn geen gesprekken gekozen).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="852"/>
        <source>Submitted. A correction becomes a new version; this one stays readable.</source>
        <translation>Ingediend. Een correctie wordt een nieuwe versie; deze blijft leesbaar.</translation>
    </message>
</context>
<context>
    <name>EvaluationWorkspace</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_workspace.py" line="44"/>
        <source>Form under the player</source>
        <translation>Formulier onder de speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_workspace.py" line="46"/>
        <source>For a narrow screen: the 5A form under the player instead of beside it.</source>
        <translation>Voor een smal scherm: het 5A-formulier onder de speler in plaats van ernaast.</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="58"/>
        <source>Evaluation</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="62"/>
        <source>Evaluate a call with the 5A form beside the player. Here: your evaluations per employee, and the documents for the employee.</source>
        <translation>U beoordeelt een gesprek met het 5A-formulier naast de speler. Hier: uw beoordelingen per medewerker, en de documenten voor de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="70"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="70"/>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="70"/>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="77"/>
        <source>Feedback for the employee (PDF)...</source>
        <translation>Terugkoppeling voor de medewerker (PDF)...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="78"/>
        <source>Dialog preparation (PDF)...</source>
        <translation>Voorbereiding Dialog-gesprek (PDF)...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="88"/>
        <source>Open drafts</source>
        <translation>Open concepten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="93"/>
        <source>Open draft</source>
        <translation>Concept openen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="121"/>
        <source> - the recording was erased at the caller&apos;s request; scores and notes stay</source>
        <translation> - de opname is op verzoek van de beller verwijderd; oordelen en notities blijven</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="122"/>
        <source> - the recording is no longer available (30 days); scores and notes stay</source>
        <translation> - de opname is niet meer beschikbaar (30 dagen); oordelen en notities blijven</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="128"/>
        <source>%1, side-by-side session of %2</source>
        <translation>%1, side-by-side sessie van %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="130"/>
        <source>%1, call of %2</source>
        <translation>%1, gesprek van %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="156"/>
        <source>Choose an employee first.</source>
        <translation>Kies eerst een medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="163"/>
        <source>Making the document...</source>
        <translation>Het document wordt gemaakt...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="169"/>
        <source>Saved: %1. Give it to the employee only.</source>
        <translation>Opgeslagen: %1. Geef het alleen aan de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="176"/>
        <source>Save document</source>
        <translation>Document opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="176"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="129"/>
        <source>Side-by-side session</source>
        <translation>Side-by-side sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="133"/>
        <source>Sit beside the employee, listen live and give feedback straight away. Nothing is recorded. Use it when the employee asks for it, or when the recording failed (P8).</source>
        <translation>Zit naast de medewerker, luister live mee en geef direct feedback. Er wordt niets opgenomen. Gebruik dit als de medewerker erom vraagt, of als de opname door een storing ontbreekt (P8).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="145"/>
        <source>at the employee&apos;s request</source>
        <translation>op verzoek van de medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="146"/>
        <source>fault in the recording</source>
        <translation>storing in de opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="147"/>
        <source>other:</source>
        <translation>anders:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="154"/>
        <source>Short explanation (no caller details)</source>
        <translation>Korte toelichting (geen gegevens van bellers)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="160"/>
        <source>Start session</source>
        <translation>Sessie starten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="169"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="171"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="208"/>
        <source>Press 1-5 for a quick observation at this moment, then optionally + or - and a short note, and Enter. Observations and notes are saved automatically.</source>
        <translation>Druk op 1-5 voor een snelle observatie op dit moment (1 Aanvang ... 5 Algemeen), typ eventueel + of - en een korte notitie, en Enter. Observaties en notities worden automatisch bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="243"/>
        <source>Short note (optional), Enter to finish</source>
        <translation>Korte notitie (mag leeg), Enter om af te ronden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="261"/>
        <source>Remove observation</source>
        <translation>Observatie verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="267"/>
        <source>Free notes about the manner of the calls (no caller details)</source>
        <translation>Vrije notities over de manier van gesprekken voeren (geen gegevens van bellers)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="273"/>
        <source>Mask</source>
        <translation>Maskeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="283"/>
        <source>End session and evaluate</source>
        <translation>Sessie beëindigen en beoordelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="293"/>
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="299"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="327"/>
        <source>Side-by-side session: evaluate with the 5A form</source>
        <translation>Side-by-side sessie: beoordelen met het 5A-formulier</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="331"/>
        <source>New session</source>
        <translation>Nieuwe sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="337"/>
        <source>Observations during the session</source>
        <translation>Observaties tijdens de sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="367"/>
        <source>This session was still running (started %1); it continues here.</source>
        <translation>Deze sessie liep nog (gestart %1); hij gaat hier verder.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="416"/>
        <source>Choose the employee first.</source>
        <translation>Kies eerst de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="419"/>
        <source>Choose why you are listening along.</source>
        <translation>Kies waarom je meeluistert.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="443"/>
        <source>Side-by-side with %1 – reason: %2</source>
        <translation>Side-by-side met %1 – reden: %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="455"/>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="598"/>
        <source>Saved automatically.</source>
        <translation>Automatisch bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="534"/>
        <source>Press 1-5 for an observation</source>
        <translation>Druk op 1-5 voor een observatie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="511"/>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="579"/>
        <source>Changes not saved yet</source>
        <translation>Wijzigingen nog niet bewaard</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="601"/>
        <source>Could not be saved: %1</source>
        <translation>Kon niet worden bewaard: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="614"/>
        <source>%1 possible caller details (%2). Keep them out of your notes (P6).</source>
        <translation>%1 mogelijke gegevens van bellers (%2). Houd ze buiten je notities (P6).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="682"/>
        <source>With %1 on %2, %3 minutes. Reason: %4. Nothing was recorded.</source>
        <translation>Met %1 op %2, %3 minuten. Reden: %4. Er is niets opgenomen.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="27"/>
        <source>nunrec is locked</source>
        <translation>nunrec is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="34"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="40"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="43"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="60"/>
        <source>Locked after a period without activity. Enter the password of %1 to continue.</source>
        <translation>Vergrendeld na een periode zonder activiteit. Vul het wachtwoord van %1 in om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="32"/>
        <source>nunrec - Sign in</source>
        <translation>nunrec - Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="37"/>
        <source>Call coaching KCC</source>
        <translation>Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="39"/>
        <source>Municipality of Nunspeet - sign in with your own account</source>
        <translation>Gemeente Nunspeet - meld u aan met uw eigen account</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="45"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="51"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="49"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="52"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="58"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="68"/>
        <source>Recordings are only for coaching on how calls are handled (Protocol opname telefoongesprekken). Every listen is logged.</source>
        <translation>Opnames zijn er alleen voor coaching op de manier waarop gesprekken worden gevoerd (Protocol opname telefoongesprekken). Elke luisterbeurt wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="88"/>
        <source>Preparing the workspace...</source>
        <translation>Werkmap wordt voorbereid...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="107"/>
        <source>Enter your user name and password.</source>
        <translation>Vul uw gebruikersnaam en wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="69"/>
        <source>nunrec - Call coaching KCC</source>
        <translation>nunrec - Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="85"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Aangemeld als %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="89"/>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="92"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="97"/>
        <source>nunrec</source>
        <translation>nunrec</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="146"/>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="146"/>
        <source>IT support</source>
        <translation>IT-ondersteuning</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="152"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="154"/>
        <source>Here you will see the recorded inbound calls of the employees you coach, younger than 30 days, with how many days each remains available. This list arrives with the connection to the recording store.</source>
        <translation>Hier ziet u straks de opgenomen inkomende gesprekken van de medewerkers die u coacht, jonger dan 30 dagen, met hoeveel dagen elk gesprek nog beschikbaar is. Deze lijst komt met de koppeling aan de opnameopslag.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="160"/>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="162"/>
        <source>Here you will listen to a call with its waveform (employee and caller as separate lanes), slow it down and mark moments. Audio is never saved on this computer.</source>
        <translation>Hier beluistert u straks een gesprek met de golfvorm (medewerker en beller als aparte sporen), vertraagt u het en markeert u momenten. Geluid wordt nooit op deze computer opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="167"/>
        <source>Evaluation</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="169"/>
        <source>You evaluate a call with the 5A form beside the player: open a call from the list. Here you will find an overview of your drafts and evaluations, and export feedback for the employee.</source>
        <translation>U beoordeelt een gesprek met het 5A-formulier naast de speler: open een gesprek vanuit de lijst. Hier komt straks het overzicht van uw concepten en beoordelingen, en maakt u terugkoppeling voor de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="175"/>
        <source>Coaching cycles</source>
        <translation>Coachingscycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="177"/>
        <source>Here you will plan the coaching cycle per employee every 4 to 6 weeks, pick calls, listen together with an employee and log side-by-side sessions.</source>
        <translation>Hier plant u straks per medewerker de coachingscyclus van elke 4 tot 6 weken, kiest u gesprekken, luistert u samen met een medewerker terug en legt u side-by-side-sessies vast.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="181"/>
        <source>Side-by-side</source>
        <translation>Side-by-side</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="186"/>
        <source>Support</source>
        <translation>Ondersteuning</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="188"/>
        <source>As IT support you help the coach: you manage accounts and the connection to the recording store, handle erasure requests and read the audit log. You do not browse or evaluate recordings. For now accounts are managed with the command &apos;nunrec users&apos;.</source>
        <translation>Als IT-ondersteuning helpt u de coach: u beheert accounts en de koppeling met de opnameopslag, handelt verwijderverzoeken af en leest het auditlog. U bladert niet door opnames en beoordeelt ze niet. Accounts beheert u voorlopig met de opdracht &apos;nunrec users&apos;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="194"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="196"/>
        <source>Here you will search the audit log and check its hash chain. For now use the command &apos;nunrec audit verify&apos;.</source>
        <translation>Hier doorzoekt u straks het auditlog en controleert u de hashketen. Gebruik voorlopig de opdracht &apos;nunrec audit verify&apos;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="182"/>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="201"/>
        <source>Erasure requests</source>
        <translation>Verwijderverzoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="203"/>
        <source>Here you will handle a caller&apos;s request to delete a recording: find it by the time of the call and the caller&apos;s number, delete it and log it without keeping the number.</source>
        <translation>Hier handelt u straks het verzoek van een beller af om een opname te verwijderen: opzoeken aan de hand van het tijdstip en het nummer van de beller, verwijderen en vastleggen zonder het nummer te bewaren.</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="80"/>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="82"/>
        <source>Open a recording from the list (double-click or Enter).</source>
        <translation>Open een opname vanuit de lijst (dubbelklikken of Enter).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="105"/>
        <source>-5 s</source>
        <translation>-5 s</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="106"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="484"/>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="108"/>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="115"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="127"/>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="116"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="117"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="118"/>
        <source>Whole call</source>
        <translation>Hele gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="186"/>
        <source>Mark (M)</source>
        <translation>Markeren (M)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="163"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="238"/>
        <source>Marks</source>
        <translation>Markeringen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="176"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="664"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="179"/>
        <source>Note with the mark</source>
        <translation>Notitie bij de markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="188"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="707"/>
        <source>Delete mark</source>
        <translation>Markering verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="195"/>
        <source>M: mark at the playhead  ·  , and .: previous and next mark  ·  Delete: remove the chosen mark</source>
        <translation>M: markering op de afspeelpositie  ·  , en .: vorige en volgende markering  ·  Delete: gekozen markering verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="289"/>
        <source>%1 - call of %2, %3 - loading...</source>
        <translation>%1 - gesprek van %2, %3 - wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="305"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="305"/>
        <source>Caller</source>
        <translation>Beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="305"/>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="308"/>
        <source>Other employee</source>
        <translation>Andere medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="324"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="354"/>
        <source>This recording is incomplete: the audio lasts %1, the recording should last %2.</source>
        <translation>Deze opname is onvolledig: het geluid duurt %1, de opname hoort %2 te duren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="338"/>
        <source>%1 - the rest of the call is loading...</source>
        <translation>%1 - de rest van het gesprek wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="370"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="382"/>
        <source>The recording could not be opened because of an unexpected error (%1).</source>
        <translation>De opname kon niet worden geopend door een onverwachte fout (%1).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="398"/>
        <source>Measured from the sound only (who speaks when), not from what is said. Context for the conversation with the employee, not a score. Holds and overlaps are marked under the lanes: click one to go there.</source>
        <translation>Gemeten aan het geluid (wie wanneer spreekt), niet aan wat er gezegd wordt. Achtergrond voor het gesprek met de medewerker, geen score. Stiltes en door elkaar praten staan onder de sporen: klik erop om erheen te gaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="407"/>
        <source>no silences</source>
        <translation>geen stiltes</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="409"/>
        <source>1 silence (%1)</source>
        <translation>1 stilte (%1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="412"/>
        <source>%1 silences (longest %2)</source>
        <translation>%1 stiltes (langste %2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="418"/>
        <source>Nobody speaks in this recording</source>
        <translation>In deze opname spreekt niemand</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="419"/>
        <source>talk time and overlaps need a stereo recording</source>
        <translation>spreektijd en door elkaar praten zijn alleen te meten bij een stereo-opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="422"/>
        <source>Talk time employee %1 % - caller %2 %</source>
        <translation>Spreektijd medewerker %1 % - beller %2 %</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="428"/>
        <source>never at the same time</source>
        <translation>niet door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="430"/>
        <source>%1 times at the same time</source>
        <translation>%1 keer door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="432"/>
        <source>once at the same time</source>
        <translation>1 keer door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="453"/>
        <source>Volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="454"/>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="477"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="500"/>
        <source>This part of the call was answered by an employee you do not coach, so it is not played. The player went to the nearest part you may listen to.</source>
        <translation>Dit deel van het gesprek is beantwoord door een medewerker die je niet coacht. Daarom wordt het niet afgespeeld. De speler staat nu op het dichtstbijzijnde deel dat je wel mag beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="504"/>
        <source>No part of this call may be played for you.</source>
        <translation>Je mag geen enkel deel van dit gesprek beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="575"/>
        <source>This evaluation is submitted and can only be read, so it takes no new marks. Choose “New version (correct)” in the form to change it.</source>
        <translation>Deze beoordeling is ingediend en alleen te lezen: er kunnen geen markeringen bij. Kies “Nieuwe versie (corrigeren)” in het formulier om iets te veranderen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="628"/>
        <source>Note at %1</source>
        <translation>Notitie bij %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="680"/>
        <source>Mark %1</source>
        <translation>Markering %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="705"/>
        <source>Go to this mark</source>
        <translation>Naar deze markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="706"/>
        <source>Edit note</source>
        <translation>Notitie bewerken</translation>
    </message>
</context>
<context>
    <name>RecordingsPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="63"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="66"/>
        <source>Inbound calls on the general number, answered by the employees you coach, younger than 30 days.</source>
        <translation>Inkomende gesprekken op het algemene nummer, aangenomen door de medewerkers die u coacht, jonger dan 30 dagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="74"/>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="313"/>
        <source>All employees</source>
        <translation>Alle medewerkers</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="85"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="86"/>
        <source>Minimum duration</source>
        <translation>Minimale duur</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="87"/>
        <source>Only not yet evaluated</source>
        <translation>Alleen nog niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="90"/>
        <source>Search by employee or id</source>
        <translation>Zoek op medewerker of id</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="92"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="94"/>
        <source>Listen together with this employee...</source>
        <translation>Terugluisteren met deze medewerker...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="99"/>
        <source>End session</source>
        <translation>Sessie beëindigen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="109"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="110"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="111"/>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="112"/>
        <source>At least</source>
        <translation>Minimaal</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="140"/>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="156"/>
        <source>Continue</source>
        <translation>Verder gaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="216"/>
        <source>Loading recordings from the recording store...</source>
        <translation>Opnames worden opgehaald uit de opnameopslag...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="229"/>
        <source>%1 items in the recording store were incomplete or unreadable and were skipped. IT can find the details in the workspace log.</source>
        <translation>%1 onderdelen in de opnameopslag waren onvolledig of onleesbaar en zijn overgeslagen. IT vindt de details in het logboek van de werkmap.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="244"/>
        <source>Choose the employee first (filter &apos;Employee&apos;).</source>
        <translation>Kies eerst de medewerker (filter &apos;Medewerker&apos;).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="247"/>
        <source>Listening session with %1</source>
        <translation>Terugluistersessie met %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="273"/>
        <source>You have %1 unfinished evaluation(s). The newest: %2, call of %3.</source>
        <translation>U heeft %1 niet-ingediende beoordeling(en). De nieuwste: %2, gesprek van %3.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="297"/>
        <source>The recordings could not be loaded because of an unexpected error (%1).</source>
        <translation>De opnames konden niet worden opgehaald door een onverwachte fout (%1).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="303"/>
        <source>No recordings loaded.</source>
        <translation>Geen opnames opgehaald.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="334"/>
        <source>%1 of %2 recordings</source>
        <translation>%1 van %2 opnames</translation>
    </message>
</context>
<context>
    <name>RecordingsTableModel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="61"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="62"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="63"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="64"/>
        <source>Disappears in</source>
        <translation>Verdwijnt over</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="65"/>
        <source>Evaluated</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="67"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="67"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="67"/>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="68"/>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="69"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="191"/>
        <source>Transferred call: only the part of your own employee is shown.</source>
        <translation>Doorverbonden gesprek: alleen het deel van uw eigen medewerker wordt getoond.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../nunrec_desktop/ui/tasks.py" line="62"/>
        <source>Something unexpected went wrong. Try again; if it keeps happening, give IT the log file (logs/nunrec.log in the workspace).</source>
        <translation>Er ging iets onverwachts mis. Probeer het opnieuw; gebeurt het vaker, geef IT dan het logbestand (logs/nunrec.log in de werkmap).</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="252"/>
        <source>No recording opened</source>
        <translation>Geen opname geopend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="298"/>
        <source>Loading the rest of the call...</source>
        <translation>De rest van het gesprek wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="351"/>
        <source>hold</source>
        <translation>stilte</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="352"/>
        <source>overlap</source>
        <translation>door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="397"/>
        <source>%1 from %2 - click to go there</source>
        <translation>%1 vanaf %2 - klik om erheen te gaan</translation>
    </message>
</context>
</TS>
