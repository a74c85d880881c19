<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AfterCareDialog</name>
    <message>
        <source>Your break is over. Go on when you are ready.</source>
        <extracomment>How often the break&apos;s countdown looks at the clock.</extracomment>
        <translation>Your break is over. Go on when you are ready.</translation>
    </message>
    <message>
        <source>New sessions wait until your break is over, or until you end it.</source>
        <translation>New sessions wait until your break is over, or until you end it.</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>After the session</translation>
    </message>
    <message>
        <source>That was a hard session</source>
        <translation>That was a hard session</translation>
    </message>
    <message>
        <source>This session was hard: %1. Take a moment for yourself before the next one.</source>
        <translation>This session was hard: %1. Take a moment for yourself before the next one.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>End break</source>
        <translation>End break</translation>
    </message>
    <message>
        <source>How are you feeling right now?</source>
        <translation>How are you feeling right now?</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>I&apos;m OK</translation>
    </message>
    <message>
        <source>A bit shaken</source>
        <translation>A bit shaken</translation>
    </message>
    <message>
        <source>Not OK</source>
        <translation>Not OK</translation>
    </message>
    <message>
        <source>Good. Stretch, drink some water, and go on when you are ready.</source>
        <translation>Good. Stretch, drink some water, and go on when you are ready.</translation>
    </message>
    <message>
        <source>That is normal after a hard session. A short break helps; so does talking it through in a debrief.</source>
        <translation>That is normal after a hard session. A short break helps; so does talking it through in a debrief.</translation>
    </message>
    <message>
        <source>Your supervisor has been told you are not OK and will contact you. Please don&apos;t carry this alone: you don&apos;t have to take the next booking right away.</source>
        <translation>Your supervisor has been told you are not OK and will contact you. Please don&apos;t carry this alone: you don&apos;t have to take the next booking right away.</translation>
    </message>
    <message>
        <source>Please don&apos;t carry this alone: ask your supervisor for a talk, or call them. You don&apos;t have to take the next booking right away.</source>
        <translation>Please don&apos;t carry this alone: ask your supervisor for a talk, or call them. You don&apos;t have to take the next booking right away.</translation>
    </message>
    <message numerus="yes">
        <source>Take %n minute(s): stand up, drink some water, breathe slowly. Nothing here needs you meanwhile.</source>
        <translation>
            <numerusform>Take %n minute: stand up, drink some water, breathe slowly. Nothing here needs you meanwhile.</numerusform>
            <numerusform>Take %n minutes: stand up, drink some water, breathe slowly. Nothing here needs you meanwhile.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only counts are kept (check-ins, breaks, debriefs), never what you answered.</source>
        <translation>Only counts are kept (check-ins, breaks, debriefs), never what you answered.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AgencySection</name>
    <message>
        <source>Unpair from the agency?</source>
        <extracomment>Longest pairing code accepted in the field (the agency&apos;s are &quot;XXXX-XXXX&quot;).</extracomment>
        <translation>Unpair from the agency?</translation>
    </message>
    <message>
        <source>Unpair from %1?</source>
        <translation>Unpair from %1?</translation>
    </message>
    <message>
        <source>New bookings stop arriving, and answers not yet delivered wait until you pair again. The bookings already here stay in your vault.</source>
        <translation>New bookings stop arriving, and answers not yet delivered wait until you pair again. The bookings already here stay in your vault.</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Unpair</translation>
    </message>
    <message>
        <source>Stay paired</source>
        <translation>Stay paired</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation>Agency address</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>Pairing…</translation>
    </message>
    <message>
        <source>Pair with agency</source>
        <translation>Pair with agency</translation>
    </message>
    <message>
        <source>Unpair…</source>
        <translation>Unpair…</translation>
    </message>
    <message>
        <source>Not paired with an agency yet.</source>
        <translation>Not paired with an agency yet.</translation>
    </message>
    <message>
        <source>Your agency gives you its address and a one-time code. Once paired, your bookings arrive here and your answers reach the agency.</source>
        <translation>Your agency gives you its address and a one-time code. Once paired, your bookings arrive here and your answers reach the agency.</translation>
    </message>
    <message>
        <source>Paired as %1 with %2.</source>
        <translation>Paired as %1 with %2.</translation>
    </message>
    <message>
        <source>Agency address: %1 · paired on %2</source>
        <translation>Agency address: %1 · paired on %2</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>d MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>DEMO: the sample agency runs on this computer (%1) and sends sample bookings. TalentDesk pairs with it by itself.</source>
        <translation>DEMO: the sample agency runs on this computer (%1) and sends sample bookings. TalentDesk pairs with it by itself.</translation>
    </message>
    <message>
        <source>%1 no longer accepts this device&apos;s token. Unpair, then pair again with a new code from your agency.</source>
        <translation>%1 no longer accepts this device&apos;s token. Unpair, then pair again with a new code from your agency.</translation>
    </message>
    <message>
        <source>Type your agency&apos;s address and the one-time code it gave you.</source>
        <translation>Type your agency&apos;s address and the one-time code it gave you.</translation>
    </message>
</context>
<context>
    <name>AreYouOkPrompt</name>
    <message>
        <source>Your supervisor is told automatically in %1</source>
        <extracomment>Qt platforms on which a window may ask to stay on top.</extracomment>
        <translation>Your supervisor is told automatically in %1</translation>
    </message>
    <message>
        <source>The escalation could not be saved. Call your agency now, or 112 in an emergency.</source>
        <translation>The escalation could not be saved. Call your agency now, or 112 in an emergency.</translation>
    </message>
    <message>
        <source>Are you OK?</source>
        <translation>Are you OK?</translation>
    </message>
    <message numerus="yes">
        <source>Your session is more than %n minute(s) over its booked time.</source>
        <translation>
            <numerusform>Your session is more than %n minute over its booked time.</numerusform>
            <numerusform>Your session is more than %n minutes over its booked time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If you don&apos;t answer within %n minute(s), your supervisor is asked to check on you.</source>
        <translation>
            <numerusform>If you don&apos;t answer within %n minute, your supervisor is asked to check on you.</numerusform>
            <numerusform>If you don&apos;t answer within %n minutes, your supervisor is asked to check on you.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your supervisor has been told</source>
        <translation>Your supervisor has been told</translation>
    </message>
    <message>
        <source>You did not answer “Are you OK?”, so TalentDesk asked your supervisor to check on you. If you are fine, you can cancel it.</source>
        <translation>You did not answer “Are you OK?”, so TalentDesk asked your supervisor to check on you. If you are fine, you can cancel it.</translation>
    </message>
    <message>
        <source>Help is on its way</source>
        <translation>Help is on its way</translation>
    </message>
    <message>
        <source>Your supervisor was asked for help. Follow it in the session window; if you are in danger, call an emergency number now.</source>
        <translation>Your supervisor was asked for help. Follow it in the session window; if you are in danger, call an emergency number now.</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>I&apos;m OK</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation>I need help</translation>
    </message>
    <message>
        <source>I&apos;m OK — cancel it (false alarm)</source>
        <translation>I&apos;m OK — cancel it (false alarm)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BlanksDialog</name>
    <message>
        <source>Fill in the reply</source>
        <extracomment>Language filter choices: the talent&apos;s replies in one language, or both. How long the &quot;copied&quot; note stays. The widest a blank&apos;s field grows to show its hint whole.</extracomment>
        <translation>Fill in the reply</translation>
    </message>
    <message>
        <source>This reply has blanks for you to fill in before copying.</source>
        <translation>This reply has blanks for you to fill in before copying.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Optional: left empty, it says “%1”</source>
        <translation>Optional: left empty, it says “%1”</translation>
    </message>
</context>
<context>
    <name>BookingsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The booking of a row (any column), a ``Booking``. The id of the booking of a row, a ``str``. Stages that say more than the booking&apos;s status. A space that never breaks the line. The columns that go under the package&apos;s name on a narrow window.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Tomorrow %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Yesterday %1</translation>
    </message>
    <message>
        <source>Chat only</source>
        <translation>Chat only</translation>
    </message>
    <message>
        <source>Call only</source>
        <translation>Call only</translation>
    </message>
    <message>
        <source>Chat + call</source>
        <translation>Chat + call</translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Waiting for your answer</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Cancelled by the agency</source>
        <translation>Cancelled by the agency</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>In session</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Unblock before start</source>
        <translation>Unblock before start</translation>
    </message>
    <message>
        <source>Returning customer</source>
        <translation>Returning customer</translation>
    </message>
    <message>
        <source>A returning customer booked you again through the agency. You blocked them after the last session: unblock them before this one starts.</source>
        <translation>A returning customer booked you again through the agency. You blocked them after the last session: unblock them before this one starts.</translation>
    </message>
    <message>
        <source>The agency&apos;s reason: “%1”</source>
        <translation>The agency&apos;s reason: “%1”</translation>
    </message>
    <message>
        <source>Your answer is sent as soon as the agency can be reached.</source>
        <translation>Your answer is sent as soon as the agency can be reached.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>The agency said: %1</translation>
    </message>
</context>
<context>
    <name>BoundariesPage</name>
    <message numerus="yes">
        <source>%n preset(s) could not be read: the vault&apos;s check failed. Ask your agency to send its presets again if one is missing.</source>
        <translation>
            <numerusform>%n preset could not be read: the vault&apos;s check failed. Ask your agency to send its presets again if one is missing.</numerusform>
            <numerusform>%n presets could not be read: the vault&apos;s check failed. Ask your agency to send its presets again if one is missing.</numerusform>
        </translation>
    </message>
    <message>
        <source>The boundaries could not be loaded. Try again.</source>
        <translation>The boundaries could not be loaded. Try again.</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again.</source>
        <translation>The change could not be saved. Try again.</translation>
    </message>
    <message>
        <source>%1 (my copy)</source>
        <translation>%1 (my copy)</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Rename preset</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Delete preset</translation>
    </message>
    <message>
        <source>Delete your preset “%1”?</source>
        <translation>Delete your preset “%1”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <source>Export boundary preset</source>
        <translation>Export boundary preset</translation>
    </message>
    <message>
        <source>Boundary presets (%1)</source>
        <translation>Boundary presets (%1)</translation>
    </message>
    <message>
        <source>Import boundary preset</source>
        <translation>Import boundary preset</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Exported “%1” to %2.</source>
        <translation>Exported “%1” to %2.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>The preset could not be exported.</source>
        <translation>The preset could not be exported.</translation>
    </message>
    <message>
        <source>Imported “%1” as your own preset.</source>
        <translation>Imported “%1” as your own preset.</translation>
    </message>
    <message numerus="yes">
        <source>%n linked reply(ies) are not in TalentDesk here and were left out.</source>
        <translation>
            <numerusform>%n linked reply is not in TalentDesk here and was left out.</numerusform>
            <numerusform>%n linked replies are not in TalentDesk here and were left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>The preset could not be imported.</source>
        <translation>The preset could not be imported.</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Choose a preset</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>Not in force</translation>
    </message>
    <message>
        <source>Use this preset</source>
        <translation>Use this preset</translation>
    </message>
    <message>
        <source>No decline reply is linked to: %1. Link one so it is ready in a session.</source>
        <translation>No decline reply is linked to: %1. Link one so it is ready in a session.</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>No boundaries set yet</source>
        <translation>No boundaries set yet</translation>
    </message>
    <message>
        <source>Your boundaries appear here: what is OK, what you want to be asked about first, and what you never do.</source>
        <translation>Your boundaries appear here: what is OK, what you want to be asked about first, and what you never do.</translation>
    </message>
    <message>
        <source>Your agency&apos;s boundary presets arrive when you pair with your agency; you can then adjust each one to suit you.</source>
        <translation>Your agency&apos;s boundary presets arrive when you pair with your agency; you can then adjust each one to suit you.</translation>
    </message>
    <message>
        <source>Import a preset…</source>
        <translation>Import a preset…</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <source>Tick the preset to use; one is in force at a time.</source>
        <translation>Tick the preset to use; one is in force at a time.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>This is your agency&apos;s preset. Changing it makes your own copy, which is then in force if this one was; the agency&apos;s stays as it is.</source>
        <translation>This is your agency&apos;s preset. Changing it makes your own copy, which is then in force if this one was; the agency&apos;s stays as it is.</translation>
    </message>
    <message>
        <source>Decline replies…</source>
        <translation>Decline replies…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>BoundaryItemsModel</name>
    <message>
        <source>Boundary</source>
        <translation>Boundary</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Decline replies</source>
        <translation>Decline replies</translation>
    </message>
    <message>
        <source>None linked yet</source>
        <translation>None linked yet</translation>
    </message>
</context>
<context>
    <name>BusyStep</name>
    <message>
        <source>Creating your vault…</source>
        <translation>Creating your vault…</translation>
    </message>
    <message>
        <source>Setting up encryption. This takes a moment.</source>
        <translation>Setting up encryption. This takes a moment.</translation>
    </message>
    <message>
        <source>Locking TalentDesk…</source>
        <translation>Locking TalentDesk…</translation>
    </message>
    <message>
        <source>Stopping the sync with your agency, then closing your vault.</source>
        <translation>Stopping the sync with your agency, then closing your vault.</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>Opening your vault…</translation>
    </message>
    <message>
        <source>Checking your key. This takes a moment.</source>
        <translation>Checking your key. This takes a moment.</translation>
    </message>
    <message>
        <source>Starting TalentDesk…</source>
        <translation>Starting TalentDesk…</translation>
    </message>
    <message>
        <source>Looking for your vault.</source>
        <translation>Looking for your vault.</translation>
    </message>
</context>
<context>
    <name>ClosingPanel</name>
    <message>
        <source>Copied — paste it into your chat, then tick it off.</source>
        <translation>Copied — paste it into your chat, then tick it off.</translation>
    </message>
    <message>
        <source>The session could not be finished. Check the vault and try again.</source>
        <translation>The session could not be finished. Check the vault and try again.</translation>
    </message>
    <message>
        <source>Finishing keeps the session&apos;s record and destroys the customer&apos;s details.</source>
        <translation>Finishing keeps the session&apos;s record and destroys the customer&apos;s details.</translation>
    </message>
    <message>
        <source>Tick off every step to finish the session.</source>
        <translation>Tick off every step to finish the session.</translation>
    </message>
    <message>
        <source>Wrap-up time: %1 left to close and block.</source>
        <translation>Wrap-up time: %1 left to close and block.</translation>
    </message>
    <message>
        <source>Wrap-up time is over. Finish when you are done.</source>
        <translation>Wrap-up time is over. Finish when you are done.</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <source>The session lasted %1 of the %2 booked.</source>
        <translation>The session lasted %1 of the %2 booked.</translation>
    </message>
    <message>
        <source>%1 over time.</source>
        <translation>%1 over time.</translation>
    </message>
    <message>
        <source>Closing reply</source>
        <translation>Closing reply</translation>
    </message>
    <message>
        <source>There is no closing reply in your language yet. Write one on the Replies page; for now, thank the customer in your own words.</source>
        <translation>There is no closing reply in your language yet. Write one on the Replies page; for now, thank the customer in your own words.</translation>
    </message>
    <message>
        <source>Copy closing reply</source>
        <translation>Copy closing reply</translation>
    </message>
    <message>
        <source>Before you finish</source>
        <translation>Before you finish</translation>
    </message>
    <message>
        <source>Finish session</source>
        <translation>Finish session</translation>
    </message>
</context>
<context>
    <name>CompactWindow</name>
    <message>
        <source>Nobody is waiting</source>
        <extracomment>Qt platforms on which a window may ask to stay on top. The compact window&apos;s one size: beside a phone-sized chat window on a 1366×768 screen. The room of the sync chip and the &quot;on top&quot; toggle in the top row (fixed: a longer word never pushes the scope chip). How many replies the search shows (Ctrl+1… copies them). How a pace message colours the pace box: nearing the limit, or past it.</extracomment>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>Waiting %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slow reply(s)</source>
        <translation>
            <numerusform>%n slow reply</numerusform>
            <numerusform>%n slow replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slow reply(s) · limit %1 over %2</source>
        <translation>
            <numerusform>%n slow reply · limit %1 over %2</numerusform>
            <numerusform>%n slow replies · limit %1 over %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>No reply found</source>
        <translation>No reply found</translation>
    </message>
    <message>
        <source>No reply at Ctrl+%1 in this list.</source>
        <translation>No reply at Ctrl+%1 in this list.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>time left</translation>
    </message>
    <message>
        <source>wrap up</source>
        <translation>wrap up</translation>
    </message>
    <message>
        <source>over time · to extend, ask the agency</source>
        <translation>over time · to extend, ask the agency</translation>
    </message>
    <message>
        <source>session ended · finish in the full window</source>
        <translation>session ended · finish in the full window</translation>
    </message>
    <message>
        <source>On top</source>
        <translation>On top</translation>
    </message>
    <message>
        <source>Keep this window above your chat app</source>
        <translation>Keep this window above your chat app</translation>
    </message>
    <message>
        <source>The customer wrote: the wait starts (F8).</source>
        <translation>The customer wrote: the wait starts (F8).</translation>
    </message>
    <message>
        <source>You answered (F9). Copying a ready reply counts as an answer.</source>
        <translation>You answered (F9). Copying a ready reply counts as an answer.</translation>
    </message>
    <message>
        <source>Search… (Enter copies the top one)</source>
        <translation>Search… (Enter copies the top one)</translation>
    </message>
    <message>
        <source>Open full window</source>
        <translation>Open full window</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message numerus="yes">
        <source>Copied. Cleared from the clipboard in %n s.</source>
        <translation>
            <numerusform>Copied. Cleared from the clipboard in %n s.</numerusform>
            <numerusform>Copied. Cleared from the clipboard in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Copy handle</source>
        <translation>Copy handle</translation>
    </message>
    <message>
        <source>Copied as a secret: clipboard managers are asked not to keep it, and it is cleared after 30 seconds.</source>
        <translation>Copied as a secret: clipboard managers are asked not to keep it, and it is cleared after 30 seconds.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows only from shortly before the start until the session is finished.</source>
        <translation>The customer&apos;s contact shows only from shortly before the start until the session is finished.</translation>
    </message>
</context>
<context>
    <name>EscalateBox</name>
    <message>
        <source>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</source>
        <translation>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</translation>
    </message>
    <message>
        <source>Escalate · Ctrl+Shift+E</source>
        <translation>Escalate · Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Escalate — ask a supervisor for help</source>
        <translation>Escalate — ask a supervisor for help</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E). You can add details afterwards.</source>
        <translation>One click asks your supervisor for help at once (Ctrl+Shift+E). You can add details afterwards.</translation>
    </message>
    <message>
        <source>Crisis playbook</source>
        <translation>Crisis playbook</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Report an incident</translation>
    </message>
</context>
<context>
    <name>EscalateStrip</name>
    <message>
        <source>Not saved: call your agency now, or 112 in an emergency.</source>
        <translation>Not saved: call your agency now, or 112 in an emergency.</translation>
    </message>
    <message>
        <source>No escalation in this session</source>
        <translation>No escalation in this session</translation>
    </message>
    <message>
        <source>Nobody has taken it: call %1 now</source>
        <translation>Nobody has taken it: call %1 now</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>waiting %1</translation>
    </message>
    <message>
        <source>Escalate · Ctrl+Shift+E</source>
        <translation>Escalate · Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E). Add details in the full window.</source>
        <translation>One click asks your supervisor for help at once (Ctrl+Shift+E). Add details in the full window.</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>waiting %1</source>
        <translation>waiting %1</translation>
    </message>
    <message>
        <source>That did not work. Try again, or call your agency.</source>
        <translation>That did not work. Try again, or call your agency.</translation>
    </message>
    <message>
        <source>Add details (optional): what is happening?</source>
        <translation>Add details (optional): what is happening?</translation>
    </message>
    <message>
        <source>Note (no customer names or contacts)</source>
        <translation>Note (no customer names or contacts)</translation>
    </message>
    <message>
        <source>Send details</source>
        <translation>Send details</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>Pressed by mistake? Cancel it, and your agency is told.</source>
        <translation>Pressed by mistake? Cancel it, and your agency is told.</translation>
    </message>
    <message>
        <source>Cancel this escalation as a false alarm?</source>
        <translation>Cancel this escalation as a false alarm?</translation>
    </message>
    <message>
        <source>Yes, it was a mistake</source>
        <translation>Yes, it was a mistake</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>No, keep it</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Add details</source>
        <translation>Add details</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <extracomment>Signs that call for emergency services at once (their buttons are tinted).</extracomment>
        <translation>Sent at %1</translation>
    </message>
    <message>
        <source>agency reference %1</source>
        <translation>agency reference %1</translation>
    </message>
</context>
<context>
    <name>EscalationsModel</name>
    <message>
        <source>Sent</source>
        <extracomment>Text colour of a row that needs no attention any more. The role giving the row&apos;s object.</extracomment>
        <translation>Sent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Crisis sign</source>
        <translation>Crisis sign</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>GuardPanel</name>
    <message>
        <source>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</source>
        <extracomment>While nothing ticks (no session), the escalation&apos;s wait still counts up once a second.</extracomment>
        <translation>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>time left</translation>
    </message>
    <message>
        <source>over time · end it politely after unlocking</source>
        <translation>over time · end it politely after unlocking</translation>
    </message>
    <message>
        <source>session ended · finish it after unlocking</source>
        <translation>session ended · finish it after unlocking</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>waiting %1</translation>
    </message>
    <message>
        <source>Your session goes on while TalentDesk is locked</source>
        <translation>Your session goes on while TalentDesk is locked</translation>
    </message>
    <message>
        <source>Your escalation stays open while TalentDesk is locked</source>
        <translation>Your escalation stays open while TalentDesk is locked</translation>
    </message>
    <message>
        <source>Escalate — ask a supervisor for help</source>
        <translation>Escalate — ask a supervisor for help</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E).</source>
        <translation>One click asks your supervisor for help at once (Ctrl+Shift+E).</translation>
    </message>
    <message>
        <source>Are you OK?</source>
        <translation>Are you OK?</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>I&apos;m OK</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation>I need help</translation>
    </message>
    <message>
        <source>Unlock to see the session, your replies and the customer&apos;s contact. Sync and the safety check go on meanwhile.</source>
        <translation>Unlock to see the session, your replies and the customer&apos;s contact. Sync and the safety check go on meanwhile.</translation>
    </message>
</context>
<context>
    <name>LinkRepliesDialog</name>
    <message numerus="yes">
        <source>%n of at most 10 chosen.</source>
        <extracomment>What a preset file is called in the file dialogs&apos; filter.</extracomment>
        <translation>
            <numerusform>%n of at most 10 chosen.</numerusform>
            <numerusform>%n of at most 10 chosen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decline replies</source>
        <translation>Decline replies</translation>
    </message>
    <message>
        <source>Which replies should TalentDesk suggest when a customer asks for: %1?</source>
        <translation>Which replies should TalentDesk suggest when a customer asks for: %1?</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LockedStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
    </message>
    <message>
        <source>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Press Unlock to see everything again.</source>
        <translation>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Press Unlock to see everything again.</translation>
    </message>
    <message>
        <source>The demo vault was closed. Press Unlock to open it again: its key is kept, unprotected, in the demo folder.</source>
        <translation>The demo vault was closed. Press Unlock to open it again: its key is kept, unprotected, in the demo folder.</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Press Unlock to open it again with the key in your system keyring.</source>
        <translation>Your vault was closed to keep it safe. Press Unlock to open it again with the key in your system keyring.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Night summary</source>
        <translation>Night summary</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Demo vault · its key is in the demo folder, unprotected</source>
        <translation>Demo vault · its key is in the demo folder, unprotected</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your system keyring</source>
        <translation>Vault unlocked · protected by your system keyring</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your passphrase</source>
        <translation>Vault unlocked · protected by your passphrase</translation>
    </message>
    <message>
        <source>DEMO — sample agency on this computer, sample bookings</source>
        <translation>DEMO — sample agency on this computer, sample bookings</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
</context>
<context>
    <name>NewPassphraseStep</name>
    <message>
        <source>Protect your vault with a passphrase</source>
        <translation>Protect your vault with a passphrase</translation>
    </message>
    <message>
        <source>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</source>
        <translation>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</source>
        <translation>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</translation>
    </message>
    <message>
        <source>Good to know: with a passphrase only, the promise that a customer&apos;s data can&apos;t be recovered after a session is shredded is weaker. Old copies can stay in free disk space, and someone who later learns your passphrase could decrypt them. A system keyring gives the full guarantee.</source>
        <translation>Good to know: with a passphrase only, the promise that a customer&apos;s data can&apos;t be recovered after a session is shredded is weaker. Old copies can stay in free disk space, and someone who later learns your passphrase could decrypt them. A system keyring gives the full guarantee.</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>At least %1 characters</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Type it &amp;again</translation>
    </message>
    <message>
        <source>If you forget it, nobody can open your vault, not even your agency.</source>
        <translation>If you forget it, nobody can open your vault, not even your agency.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Create my vault</translation>
    </message>
    <message>
        <source>Your passphrase needs at least %1 characters.</source>
        <translation>Your passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases don&apos;t match. Type them again.</source>
        <translation>The two passphrases don&apos;t match. Type them again.</translation>
    </message>
</context>
<context>
    <name>NightChart</name>
    <message>
        <source>No sessions yet</source>
        <extracomment>The page loads again this often (tonight rolls over at noon).</extracomment>
        <translation>No sessions yet</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Tonight</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Earnings per night, the last seven nights</source>
        <translation>Earnings per night, the last seven nights</translation>
    </message>
</context>
<context>
    <name>PassphraseStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
    </message>
    <message>
        <source>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Type your passphrase to see everything again.</source>
        <translation>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Type your passphrase to see everything again.</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Type your passphrase to continue.</source>
        <translation>Your vault was closed to keep it safe. Type your passphrase to continue.</translation>
    </message>
    <message>
        <source>Unlock TalentDesk</source>
        <translation>Unlock TalentDesk</translation>
    </message>
    <message>
        <source>Type your passphrase to open your vault.</source>
        <translation>Type your passphrase to open your vault.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>That passphrase is wrong. Check it (and Caps Lock) and try again.</source>
        <translation>That passphrase is wrong. Check it (and Caps Lock) and try again.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Type your passphrase first.</translation>
    </message>
</context>
<context>
    <name>PlaybookPanel</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copy the number</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
    <message>
        <source>Crisis playbook</source>
        <translation>Crisis playbook</translation>
    </message>
    <message>
        <source>Pick what you notice. Each sign shows what to do, and who to call.</source>
        <translation>Pick what you notice. Each sign shows what to do, and who to call.</translation>
    </message>
    <message>
        <source>Call emergency services now: %1. Then escalate.</source>
        <translation>Call emergency services now: %1. Then escalate.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Escalate with this sign</source>
        <translation>Escalate with this sign</translation>
    </message>
    <message>
        <source>Asks your supervisor for help now, with this crisis sign filled in.</source>
        <translation>Asks your supervisor for help now, with this crisis sign filled in.</translation>
    </message>
    <message>
        <source>Report it</source>
        <translation>Report it</translation>
    </message>
    <message>
        <source>Your supervisor was asked for help, with “%1”.</source>
        <translation>Your supervisor was asked for help, with “%1”.</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>Indonesia&apos;s public lines, until your agency sends its own.</source>
        <translation>Indonesia&apos;s public lines, until your agency sends its own.</translation>
    </message>
    <message>
        <source>From your agency.</source>
        <translation>From your agency.</translation>
    </message>
</context>
<context>
    <name>PlaybookWindow</name>
    <message>
        <source>Crisis playbook</source>
        <translation>Crisis playbook</translation>
    </message>
</context>
<context>
    <name>PresetListModel</name>
    <message>
        <source>Mine · changed from the agency&apos;s</source>
        <extracomment>The ``BoundaryPreset`` of a row. The preset&apos;s id. The ``BoundaryItem`` of a row (any column). The item&apos;s key.</extracomment>
        <translation>Mine · changed from the agency&apos;s</translation>
    </message>
    <message>
        <source>In force now. Uncheck to use no preset.</source>
        <translation>In force now. Uncheck to use no preset.</translation>
    </message>
    <message>
        <source>Check to put this preset in force.</source>
        <translation>Check to put this preset in force.</translation>
    </message>
</context>
<context>
    <name>PresetView</name>
    <message>
        <source>No boundary preset</source>
        <translation>No boundary preset</translation>
    </message>
    <message>
        <source>Click to see the decline replies for this boundary.</source>
        <translation>Click to see the decline replies for this boundary.</translation>
    </message>
    <message>
        <source>Your boundaries</source>
        <translation>Your boundaries</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>The boundary preset in force for your sessions</source>
        <translation>The boundary preset in force for your sessions</translation>
    </message>
    <message>
        <source>No boundary preset is in force. Choose one with Change, or on the Boundaries page.</source>
        <translation>No boundary preset is in force. Choose one with Change, or on the Boundaries page.</translation>
    </message>
    <message>
        <source>Click a boundary to see its decline replies.</source>
        <translation>Click a boundary to see its decline replies.</translation>
    </message>
</context>
<context>
    <name>ProblemStep</name>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The system keyring can&apos;t be reached</source>
        <translation>The system keyring can&apos;t be reached</translation>
    </message>
    <message>
        <source>Your vault&apos;s key is kept in the system keyring, and TalentDesk couldn&apos;t reach it. Make sure you&apos;re logged in to your desktop as usual and that the keyring (for example GNOME Keyring or KWallet) is running and unlocked, then press Try again.</source>
        <translation>Your vault&apos;s key is kept in the system keyring, and TalentDesk couldn&apos;t reach it. Make sure you&apos;re logged in to your desktop as usual and that the keyring (for example GNOME Keyring or KWallet) is running and unlocked, then press Try again.</translation>
    </message>
    <message>
        <source>The key to your vault is missing</source>
        <translation>The key to your vault is missing</translation>
    </message>
    <message>
        <source>The system keyring answered, but it doesn&apos;t hold the key to this vault. That happens when the keyring was reset, or the vault was copied from another computer or user account. Without that key the vault can&apos;t be opened. If you have a backup of your keyring, restore it and press Try again; otherwise ask your agency&apos;s technical support for help.</source>
        <translation>The system keyring answered, but it doesn&apos;t hold the key to this vault. That happens when the keyring was reset, or the vault was copied from another computer or user account. Without that key the vault can&apos;t be opened. If you have a backup of your keyring, restore it and press Try again; otherwise ask your agency&apos;s technical support for help.</translation>
    </message>
    <message>
        <source>This vault needs a newer TalentDesk</source>
        <translation>This vault needs a newer TalentDesk</translation>
    </message>
    <message>
        <source>Your vault was saved by a newer version of TalentDesk (vault version %1); this version knows up to %2. Update TalentDesk, then open it again.</source>
        <translation>Your vault was saved by a newer version of TalentDesk (vault version %1); this version knows up to %2. Update TalentDesk, then open it again.</translation>
    </message>
    <message>
        <source>The vault file can&apos;t be read</source>
        <translation>The vault file can&apos;t be read</translation>
    </message>
    <message>
        <source>The file %1 isn&apos;t a TalentDesk vault, or its header is damaged. TalentDesk hasn&apos;t changed it. Restore it from a backup, or ask your agency&apos;s technical support for help.</source>
        <translation>The file %1 isn&apos;t a TalentDesk vault, or its header is damaged. TalentDesk hasn&apos;t changed it. Restore it from a backup, or ask your agency&apos;s technical support for help.</translation>
    </message>
    <message>
        <source>TalentDesk couldn&apos;t open your vault</source>
        <translation>TalentDesk couldn&apos;t open your vault</translation>
    </message>
    <message>
        <source>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</translation>
    </message>
</context>
<context>
    <name>ReadyStep</name>
    <message>
        <source>Your vault is ready</source>
        <translation>Your vault is ready</translation>
    </message>
    <message>
        <source>Its key is kept in your system keyring: %1.</source>
        <translation>Its key is kept in your system keyring: %1.</translation>
    </message>
    <message>
        <source>You don&apos;t need a passphrase: the vault opens by itself while you&apos;re logged in to this computer. When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>You don&apos;t need a passphrase: the vault opens by itself while you&apos;re logged in to this computer. When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>The agency cancelled your booking at %1 (%2).</source>
        <extracomment>How often the reminders look at tonight&apos;s bookings.</extracomment>
        <translation>The agency cancelled your booking at %1 (%2).</translation>
    </message>
    <message>
        <source>Their reason: “%1”</source>
        <translation>Their reason: “%1”</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>Booking cancelled</translation>
    </message>
    <message numerus="yes">
        <source>Session in %n minute(s)</source>
        <translation>
            <numerusform>Session in %n minute</numerusform>
            <numerusform>Session in %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session starts now</source>
        <translation>Your session starts now</translation>
    </message>
    <message>
        <source>%1 at %2: %3. Start it in TalentDesk when you are ready.</source>
        <translation>%1 at %2: %3. Start it in TalentDesk when you are ready.</translation>
    </message>
    <message>
        <source>Unblock the returning customer before you start.</source>
        <translation>Unblock the returning customer before you start.</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: the vault&apos;s check failed. Ask your agency to send its replies again if one is missing.</source>
        <extracomment>The editor&apos;s language choices, in order. The &quot;saved&quot; note stays this long.</extracomment>
        <translation>
            <numerusform>%n reply could not be read: the vault&apos;s check failed. Ask your agency to send its replies again if one is missing.</numerusform>
            <numerusform>%n replies could not be read: the vault&apos;s check failed. Ask your agency to send its replies again if one is missing.</numerusform>
        </translation>
    </message>
    <message>
        <source>The replies could not be loaded. Try again.</source>
        <translation>The replies could not be loaded. Try again.</translation>
    </message>
    <message>
        <source>Too long: %1 of at most 1,000 characters.</source>
        <translation>Too long: %1 of at most 1,000 characters.</translation>
    </message>
    <message>
        <source>TalentDesk cannot fill in: %1</source>
        <translation>TalentDesk cannot fill in: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again.</source>
        <translation>The change could not be saved. Try again.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <source>Delete reply</source>
        <translation>Delete reply</translation>
    </message>
    <message>
        <source>Delete this reply of your own? This cannot be undone.</source>
        <translation>Delete this reply of your own? This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <source>Back to the agency&apos;s wording.</source>
        <translation>Back to the agency&apos;s wording.</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply of your own</source>
        <translation>New reply of your own</translation>
    </message>
    <message>
        <source>Select a reply to edit it, or make a new one.</source>
        <translation>Select a reply to edit it, or make a new one.</translation>
    </message>
    <message>
        <source>Your agency&apos;s reply. Change it and your version is kept as your own, whatever the agency updates.</source>
        <translation>Your agency&apos;s reply. Change it and your version is kept as your own, whatever the agency updates.</translation>
    </message>
    <message>
        <source>Your version of an agency reply, kept through the agency&apos;s updates. “Use the agency&apos;s wording” brings the original back.</source>
        <translation>Your version of an agency reply, kept through the agency&apos;s updates. “Use the agency&apos;s wording” brings the original back.</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Pinned replies are Ctrl+1…Ctrl+9 in a session, in pin order.</source>
        <translation>Pinned replies are Ctrl+1…Ctrl+9 in a session, in pin order.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>No ready replies yet</source>
        <translation>No ready replies yet</translation>
    </message>
    <message>
        <source>Your ready replies appear here: opening and closing replies, and decline replies (polite decline, humour, offer an alternative) for requests outside your boundaries, each one click away during a session.</source>
        <translation>Your ready replies appear here: opening and closing replies, and decline replies (polite decline, humour, offer an alternative) for requests outside your boundaries, each one click away during a session.</translation>
    </message>
    <message>
        <source>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</source>
        <translation>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</translation>
    </message>
    <message>
        <source>New reply</source>
        <translation>New reply</translation>
    </message>
    <message>
        <source>Search by shortcode or words</source>
        <translation>Search by shortcode or words</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>Both languages</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Shortcode</source>
        <translation>Shortcode</translation>
    </message>
    <message>
        <source>e.g. tutup (typed as /tutup)</source>
        <translation>e.g. tutup (typed as /tutup)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Filled in for you: {talent} your working name, {minutes_left} minutes left, {package} the package. {?reason} asks you when copying.</source>
        <translation>Filled in for you: {talent} your working name, {minutes_left} minutes left, {package} the package. {?reason} asks you when copying.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Use the agency&apos;s wording</source>
        <translation>Use the agency&apos;s wording</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReplyCopier</name>
    <message>
        <source>This reply uses %1, which TalentDesk cannot fill in now.</source>
        <translation>This reply uses %1, which TalentDesk cannot fill in now.</translation>
    </message>
    <message>
        <source>{talent} is your working name, and it is not set yet: copied now, the reply leaves it out. Set it in Settings → Your working name.</source>
        <translation>{talent} is your working name, and it is not set yet: copied now, the reply leaves it out. Set it in Settings → Your working name.</translation>
    </message>
    <message>
        <source>Copied now, the reply leaves it out.</source>
        <translation>Copied now, the reply leaves it out.</translation>
    </message>
    <message>
        <source>Copy with a gap?</source>
        <translation>Copy with a gap?</translation>
    </message>
    <message>
        <source>Copy anyway</source>
        <translation>Copy anyway</translation>
    </message>
    <message>
        <source>Don&apos;t copy</source>
        <translation>Don&apos;t copy</translation>
    </message>
</context>
<context>
    <name>ReplyPaceBar</name>
    <message>
        <source>%1 replies slower than %2</source>
        <translation>%1 replies slower than %2</translation>
    </message>
    <message>
        <source>The agency refunds the customer after %1 in one session.</source>
        <translation>The agency refunds the customer after %1 in one session.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is waiting for your answer.</source>
        <translation>Nobody is waiting for your answer.</translation>
    </message>
    <message>
        <source>The customer has waited %1.</source>
        <translation>The customer has waited %1.</translation>
    </message>
    <message numerus="yes">
        <source>Slow replies this session: %n</source>
        <translation>
            <numerusform>Slow replies this session: %n</numerusform>
            <numerusform>Slow replies this session: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply pace</source>
        <translation>Reply pace</translation>
    </message>
    <message>
        <source>Press when a message from the customer arrives: the wait starts. In this window, F8 does it too.</source>
        <translation>Press when a message from the customer arrives: the wait starts. In this window, F8 does it too.</translation>
    </message>
    <message>
        <source>Press when you answered. Copying a ready reply counts as an answer. In this window, F9 does it too.</source>
        <translation>Press when you answered. Copying a ready reply counts as an answer. In this window, F9 does it too.</translation>
    </message>
</context>
<context>
    <name>ReplySearchPanel</name>
    <message>
        <source>Nothing is pinned at Ctrl+%1. Pin replies on the Replies page.</source>
        <translation>Nothing is pinned at Ctrl+%1. Pin replies on the Replies page.</translation>
    </message>
    <message>
        <source>The reply could not be copied. Try again.</source>
        <translation>The reply could not be copied. Try again.</translation>
    </message>
    <message>
        <source>Decline replies for: %1</source>
        <translation>Decline replies for: %1</translation>
    </message>
    <message>
        <source>No decline reply is linked to this boundary yet (see Boundaries).</source>
        <translation>No decline reply is linked to this boundary yet (see Boundaries).</translation>
    </message>
    <message>
        <source>No reply matches. Try fewer letters.</source>
        <translation>No reply matches. Try fewer letters.</translation>
    </message>
    <message>
        <source>No ready replies yet: they arrive with your agency&apos;s settings.</source>
        <translation>No ready replies yet: they arrive with your agency&apos;s settings.</translation>
    </message>
    <message>
        <source>Copied %1 — paste it into your chat.</source>
        <translation>Copied %1 — paste it into your chat.</translation>
    </message>
    <message>
        <source>(It is in %1.)</source>
        <translation>(It is in %1.)</translation>
    </message>
    <message>
        <source>Ready replies</source>
        <translation>Ready replies</translation>
    </message>
    <message>
        <source>Search /shortcode or words</source>
        <translation>Search /shortcode or words</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>Both languages</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Click a reply to copy it. Ctrl+1…Ctrl+9 copy your pinned replies.</source>
        <translation>Click a reply to copy it. Ctrl+1…Ctrl+9 copy your pinned replies.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>The report could not be saved. Try again.</source>
        <translation>The report could not be saved. Try again.</translation>
    </message>
    <message>
        <source>Your agency refused the report “%1”.</source>
        <extracomment>The categories in the order the talent sees them.</extracomment>
        <translation>Your agency refused the report “%1”.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>The agency said: %1</translation>
    </message>
    <message>
        <source>Contact your agency directly.</source>
        <translation>Contact your agency directly.</translation>
    </message>
    <message>
        <source>“%1” is saved on this device and on its way to your agency. Its ticket number shows here as soon as the agency has it.</source>
        <translation>“%1” is saved on this device and on its way to your agency. Its ticket number shows here as soon as the agency has it.</translation>
    </message>
    <message>
        <source>Your agency has “%1”.</source>
        <translation>Your agency has “%1”.</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · %3</source>
        <translation>Ticket %1 · %2 · %3</translation>
    </message>
    <message>
        <source>From your agency: %1</source>
        <translation>From your agency: %1</translation>
    </message>
    <message>
        <source>The Safety page follows it as your agency works on it.</source>
        <translation>The Safety page follows it as your agency works on it.</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <source>Which session?</source>
        <translation>Which session?</translation>
    </message>
    <message>
        <source>No session in the last 24 hours. Reports are filed during a session or up to 24 hours after it; for anything older, contact your agency directly.</source>
        <translation>No session in the last 24 hours. Reports are filed during a session or up to 24 hours after it; for anything older, contact your agency directly.</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>Describe it in your own words</source>
        <translation>Describe it in your own words</translation>
    </message>
    <message>
        <source>What was said or asked, and when. Leave out the customer&apos;s contact details.</source>
        <translation>What was said or asked, and when. Leave out the customer&apos;s contact details.</translation>
    </message>
    <message>
        <source>Your agency gets the report with a ticket number. Once they have it and the session is over, the text is removed from this device; the category, ticket and progress stay.</source>
        <translation>Your agency gets the report with a ticket number. Once they have it and the session is over, the text is removed from this device; the category, ticket and progress stay.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>File report</source>
        <translation>File report</translation>
    </message>
    <message>
        <source>Report filed</source>
        <translation>Report filed</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SafetyMessages</name>
    <message>
        <source>Agitation or distress</source>
        <extracomment>The default contacts by id, to tell them from an agency&apos;s own list.</extracomment>
        <translation>Agitation or distress</translation>
    </message>
    <message>
        <source>Threats of self-harm or harm to others</source>
        <translation>Threats of self-harm or harm to others</translation>
    </message>
    <message>
        <source>Suicidal thoughts</source>
        <translation>Suicidal thoughts</translation>
    </message>
    <message>
        <source>Aggression or threats of violence</source>
        <translation>Aggression or threats of violence</translation>
    </message>
    <message>
        <source>Ask calmly what is going on.</source>
        <translation>Ask calmly what is going on.</translation>
    </message>
    <message>
        <source>Offer support: listen, and let them know they are heard.</source>
        <translation>Offer support: listen, and let them know they are heard.</translation>
    </message>
    <message>
        <source>Contact emergency services now, then tell your supervisor.</source>
        <translation>Contact emergency services now, then tell your supervisor.</translation>
    </message>
    <message>
        <source>Listen without judging or arguing.</source>
        <translation>Listen without judging or arguing.</translation>
    </message>
    <message>
        <source>Stay with them and be supportive.</source>
        <translation>Stay with them and be supportive.</translation>
    </message>
    <message>
        <source>Refer them to mental-health professionals (the numbers below).</source>
        <translation>Refer them to mental-health professionals (the numbers below).</translation>
    </message>
    <message>
        <source>End the conversation. Your safety comes first.</source>
        <translation>End the conversation. Your safety comes first.</translation>
    </message>
    <message>
        <source>Report it to your agency.</source>
        <translation>Report it to your agency.</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Mental health line</source>
        <translation>Mental health line</translation>
    </message>
    <message>
        <source>extension 8</source>
        <translation>extension 8</translation>
    </message>
    <message>
        <source>No crisis sign</source>
        <translation>No crisis sign</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>Refused by the agency</source>
        <translation>Refused by the agency</translation>
    </message>
    <message>
        <source>Escalate button</source>
        <translation>Escalate button</translation>
    </message>
    <message>
        <source>No answer to “Are you OK?”</source>
        <translation>No answer to “Are you OK?”</translation>
    </message>
    <message>
        <source>“Not OK” after a session</source>
        <translation>“Not OK” after a session</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>handled</translation>
    </message>
    <message>
        <source>a false alarm</source>
        <translation>a false alarm</translation>
    </message>
    <message>
        <source>emergency services called</source>
        <translation>emergency services called</translation>
    </message>
    <message>
        <source>you could not be reached</source>
        <translation>you could not be reached</translation>
    </message>
    <message>
        <source>another reason</source>
        <translation>another reason</translation>
    </message>
    <message>
        <source>Nobody at your agency has taken it. Call your supervisor now: %1.</source>
        <translation>Nobody at your agency has taken it. Call your supervisor now: %1.</translation>
    </message>
    <message>
        <source>Nobody at your agency has taken it. Call your agency now.</source>
        <translation>Nobody at your agency has taken it. Call your agency now.</translation>
    </message>
    <message>
        <source>In danger, call %1.</source>
        <translation>In danger, call %1.</translation>
    </message>
    <message>
        <source>Nobody has taken it · call your supervisor</source>
        <translation>Nobody has taken it · call your supervisor</translation>
    </message>
    <message>
        <source>Delivered · your agency alerted its supervisors again (%1)</source>
        <translation>Delivered · your agency alerted its supervisors again (%1)</translation>
    </message>
    <message>
        <source>Queued on this device · agency not reachable yet, retrying</source>
        <translation>Queued on this device · agency not reachable yet, retrying</translation>
    </message>
    <message>
        <source>Queued on this device · sending to your agency</source>
        <translation>Queued on this device · sending to your agency</translation>
    </message>
    <message>
        <source>Delivered to your agency · waiting for a supervisor</source>
        <translation>Delivered to your agency · waiting for a supervisor</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation>Resolved by %1</translation>
    </message>
    <message>
        <source>False alarm · telling your agency</source>
        <translation>False alarm · telling your agency</translation>
    </message>
    <message>
        <source>False alarm · your agency knows</source>
        <translation>False alarm · your agency knows</translation>
    </message>
    <message>
        <source>Refused by the agency · call your agency</source>
        <translation>Refused by the agency · call your agency</translation>
    </message>
    <message>
        <source>Help requested · queued</source>
        <translation>Help requested · queued</translation>
    </message>
    <message>
        <source>Help requested · delivered</source>
        <translation>Help requested · delivered</translation>
    </message>
    <message>
        <source>%1 is on it</source>
        <translation>%1 is on it</translation>
    </message>
    <message>
        <source>Cancelled as a false alarm</source>
        <translation>Cancelled as a false alarm</translation>
    </message>
    <message>
        <source>Your agency refused the escalation</source>
        <translation>Your agency refused the escalation</translation>
    </message>
    <message numerus="yes">
        <source>It is saved on this device and will be sent the moment your agency can be reached (tried %n time(s) so far). If you are in danger, call an emergency number now.</source>
        <translation>
            <numerusform>It is saved on this device and will be sent the moment your agency can be reached (tried %n time so far). If you are in danger, call an emergency number now.</numerusform>
            <numerusform>It is saved on this device and will be sent the moment your agency can be reached (tried %n times so far). If you are in danger, call an emergency number now.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is saved on this device and is being sent to your agency. If you are in danger, call an emergency number now.</source>
        <translation>It is saved on this device and is being sent to your agency. If you are in danger, call an emergency number now.</translation>
    </message>
    <message>
        <source>Your agency has it. A supervisor will acknowledge it here.</source>
        <translation>Your agency has it. A supervisor will acknowledge it here.</translation>
    </message>
    <message numerus="yes">
        <source>Your agency has it, but nobody took it yet: it alerted its supervisors again (%n time(s)).</source>
        <translation>
            <numerusform>Your agency has it, but nobody took it yet: it alerted its supervisors again (%n time).</numerusform>
            <numerusform>Your agency has it, but nobody took it yet: it alerted its supervisors again (%n times).</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor %1 acknowledged it at %2.</source>
        <translation>Supervisor %1 acknowledged it at %2.</translation>
    </message>
    <message>
        <source>Their note: “%1”</source>
        <translation>Their note: “%1”</translation>
    </message>
    <message>
        <source>Closed at %1.</source>
        <translation>Closed at %1.</translation>
    </message>
    <message>
        <source>Reason: %1.</source>
        <translation>Reason: %1.</translation>
    </message>
    <message>
        <source>Your agency will be told it was pressed by mistake as soon as it can be reached.</source>
        <translation>Your agency will be told it was pressed by mistake as soon as it can be reached.</translation>
    </message>
    <message>
        <source>Your agency knows it was pressed by mistake. Nothing more to do.</source>
        <translation>Your agency knows it was pressed by mistake. Nothing more to do.</translation>
    </message>
    <message>
        <source>It could not be delivered. Call your agency directly, or an emergency number if you are in danger.</source>
        <translation>It could not be delivered. Call your agency directly, or an emergency number if you are in danger.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>The agency said: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n detail(s) added</source>
        <translation>
            <numerusform>%n detail added</numerusform>
            <numerusform>%n details added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent automatically (no answer to “Are you OK?”)</source>
        <translation>Sent automatically (no answer to “Are you OK?”)</translation>
    </message>
    <message>
        <source>During a session</source>
        <translation>During a session</translation>
    </message>
    <message>
        <source>Outside a session</source>
        <translation>Outside a session</translation>
    </message>
    <message>
        <source>Sexual harassment</source>
        <translation>Sexual harassment</translation>
    </message>
    <message>
        <source>Insults or rude language</source>
        <translation>Insults or rude language</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Threats</translation>
    </message>
    <message>
        <source>Asked for personal details or to meet</source>
        <translation>Asked for personal details or to meet</translation>
    </message>
    <message>
        <source>Extra payment or exploitation</source>
        <translation>Extra payment or exploitation</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Discrimination</translation>
    </message>
    <message>
        <source>Outside the package or your boundaries</source>
        <translation>Outside the package or your boundaries</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Something else</translation>
    </message>
    <message>
        <source>First line</source>
        <translation>First line</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technical</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>waiting for a ticket</source>
        <translation>waiting for a ticket</translation>
    </message>
    <message>
        <source>Text removed on this device. Your agency has the report; the category, ticket, level and status stay here.</source>
        <translation>Text removed on this device. Your agency has the report; the category, ticket, level and status stay here.</translation>
    </message>
    <message>
        <source>That escalation is no longer on this device.</source>
        <translation>That escalation is no longer on this device.</translation>
    </message>
    <message>
        <source>That escalation is closed. Press Escalate again if you need help.</source>
        <translation>That escalation is closed. Press Escalate again if you need help.</translation>
    </message>
    <message>
        <source>Pick a crisis sign or write a note first.</source>
        <translation>Pick a crisis sign or write a note first.</translation>
    </message>
    <message>
        <source>The note is too long (at most 2000 characters).</source>
        <translation>The note is too long (at most 2000 characters).</translation>
    </message>
    <message>
        <source>That report is no longer on this device.</source>
        <translation>That report is no longer on this device.</translation>
    </message>
    <message>
        <source>Describe what happened first.</source>
        <translation>Describe what happened first.</translation>
    </message>
    <message>
        <source>The description is too long (at most 4000 characters).</source>
        <translation>The description is too long (at most 4000 characters).</translation>
    </message>
    <message>
        <source>This session ended more than 24 hours ago, so it can no longer be reported in the app. Contact your agency directly.</source>
        <translation>This session ended more than 24 hours ago, so it can no longer be reported in the app. Contact your agency directly.</translation>
    </message>
    <message>
        <source>This session cannot be reported from the app. Contact your agency directly.</source>
        <translation>This session cannot be reported from the app. Contact your agency directly.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Something went wrong. Try again.</translation>
    </message>
    <message>
        <source>you asked a supervisor for help</source>
        <translation>you asked a supervisor for help</translation>
    </message>
    <message>
        <source>you reported an incident</source>
        <translation>you reported an incident</translation>
    </message>
    <message>
        <source>it ended early</source>
        <translation>it ended early</translation>
    </message>
    <message>
        <source>Short check-in</source>
        <translation>Short check-in</translation>
    </message>
    <message>
        <source>Take a break</source>
        <translation>Take a break</translation>
    </message>
    <message>
        <source>Ask for a debrief</source>
        <translation>Ask for a debrief</translation>
    </message>
    <message>
        <source>Debrief requested: it goes to your agency&apos;s supervisors (as soon as your agency can be reached), and one of them will talk it over with you.</source>
        <translation>Debrief requested: it goes to your agency&apos;s supervisors (as soon as your agency can be reached), and one of them will talk it over with you.</translation>
    </message>
    <message numerus="yes">
        <source>%n hard session(s)</source>
        <translation>
            <numerusform>%n hard session</numerusform>
            <numerusform>%n hard sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n break</numerusform>
            <numerusform>%n breaks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n debrief(s) asked for</source>
        <translation>
            <numerusform>%n debrief asked for</numerusform>
            <numerusform>%n debriefs asked for</numerusform>
        </translation>
    </message>
    <message>
        <source>Tonight, after hard sessions:</source>
        <translation>Tonight, after hard sessions:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd d MMM</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>No escalations or reports</source>
        <translation>No escalations or reports</translation>
    </message>
    <message>
        <source>When you ask a supervisor for help during a session, or file an incident report, it appears here with its ticket number and progress: queued, delivered, acknowledged, resolved.</source>
        <translation>When you ask a supervisor for help during a session, or file an incident report, it appears here with its ticket number and progress: queued, delivered, acknowledged, resolved.</translation>
    </message>
    <message>
        <source>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</source>
        <translation>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Open Settings</translation>
    </message>
    <message>
        <source>From your agency: %1</source>
        <extracomment>Rows a list shows before it scrolls. How many rows the columns&apos; widths are measured on (the newest, at the top).</extracomment>
        <translation>From your agency: %1</translation>
    </message>
    <message>
        <source>Not paired with an agency: escalations and reports are kept on this device and sent once you pair. In an emergency, call the numbers below.</source>
        <translation>Not paired with an agency: escalations and reports are kept on this device and sent once you pair. In an emergency, call the numbers below.</translation>
    </message>
    <message>
        <source>When something goes wrong</source>
        <translation>When something goes wrong</translation>
    </message>
    <message>
        <source>One click sends your supervisor an urgent request for help: nothing to fill in first. Add what is happening afterwards, and follow it here until it is resolved.</source>
        <translation>One click sends your supervisor an urgent request for help: nothing to fill in first. Add what is happening afterwards, and follow it here until it is resolved.</translation>
    </message>
    <message>
        <source>Shortcut: Ctrl+Shift+E, in every TalentDesk window.</source>
        <translation>Shortcut: Ctrl+Shift+E, in every TalentDesk window.</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <source>No escalations. When you press Escalate, it shows here with its state.</source>
        <translation>No escalations. When you press Escalate, it shows here with its state.</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Incident reports</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <source>No reports. File one during a session or up to 24 hours after it; its ticket number, level and status show here.</source>
        <translation>No reports. File one during a session or up to 24 hours after it; its ticket number, level and status show here.</translation>
    </message>
</context>
<context>
    <name>SessionKeysSection</name>
    <message>
        <source>They work anywhere on your desktop while a chat session is live, also while your chat app has focus and while TalentDesk is locked.</source>
        <translation>They work anywhere on your desktop while a chat session is live, also while your chat app has focus and while TalentDesk is locked.</translation>
    </message>
    <message>
        <source>Your desktop (Wayland) lets no app hear keys pressed in other apps, so these shortcuts cannot work here. Use the Message in and Replied buttons of the compact window beside your chat app instead (F8 and F9 work in it too).</source>
        <translation>Your desktop (Wayland) lets no app hear keys pressed in other apps, so these shortcuts cannot work here. Use the Message in and Replied buttons of the compact window beside your chat app instead (F8 and F9 work in it too).</translation>
    </message>
    <message>
        <source>System-wide shortcuts are not available on this desktop. Use the Message in and Replied buttons of the compact window instead (F8 and F9 work in it too).</source>
        <translation>System-wide shortcuts are not available on this desktop. Use the Message in and Replied buttons of the compact window instead (F8 and F9 work in it too).</translation>
    </message>
    <message>
        <source>During a session</source>
        <translation>During a session</translation>
    </message>
    <message>
        <source>Mark the reply pace without leaving your chat app: press the first shortcut when the customer writes and the second when you have replied.</source>
        <translation>Mark the reply pace without leaving your chat app: press the first shortcut when the customer writes and the second when you have replied.</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Message in</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>Play a sound when a reply nears the agency&apos;s limit</source>
        <translation>Play a sound when a reply nears the agency&apos;s limit</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Use the defaults</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Use a key with Ctrl, Alt or both (such as Ctrl+Alt+M), a different one for each.</source>
        <translation>Use a key with Ctrl, Alt or both (such as Ctrl+Alt+M), a different one for each.</translation>
    </message>
    <message>
        <source>Could not be saved. Try again.</source>
        <translation>Could not be saved. Try again.</translation>
    </message>
    <message>
        <source>Another app already uses %1. Choose another combination.</source>
        <translation>Another app already uses %1. Choose another combination.</translation>
    </message>
</context>
<context>
    <name>SessionMessages</name>
    <message>
        <source>Chat only — no calls</source>
        <translation>Chat only — no calls</translation>
    </message>
    <message>
        <source>Call only — no chat</source>
        <translation>Call only — no chat</translation>
    </message>
    <message>
        <source>Chat + call — both are included</source>
        <translation>Chat + call — both are included</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>no calls</translation>
    </message>
    <message>
        <source>no chat</source>
        <translation>no chat</translation>
    </message>
    <message>
        <source>you do both</source>
        <translation>you do both</translation>
    </message>
    <message>
        <source>Chat only</source>
        <translation>Chat only</translation>
    </message>
    <message>
        <source>Call only</source>
        <translation>Call only</translation>
    </message>
    <message>
        <source>Chat + call</source>
        <translation>Chat + call</translation>
    </message>
    <message>
        <source>To extend, ask the agency: the customer books more time there. TalentDesk never extends a session.</source>
        <translation>To extend, ask the agency: the customer books more time there. TalentDesk never extends a session.</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Waiting for your answer</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Contact window open</source>
        <translation>Contact window open</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Time passed</source>
        <translation>Time passed</translation>
    </message>
    <message>
        <source>This booking is no longer here: the agency may have cancelled it.</source>
        <translation>This booking is no longer here: the agency may have cancelled it.</translation>
    </message>
    <message>
        <source>Only an accepted booking can start.</source>
        <translation>Only an accepted booking can start.</translation>
    </message>
    <message>
        <source>Another session is live. Finish it first.</source>
        <translation>Another session is live. Finish it first.</translation>
    </message>
    <message>
        <source>This returning customer must be unblocked before the session starts.</source>
        <translation>This returning customer must be unblocked before the session starts.</translation>
    </message>
    <message>
        <source>It is too early: the session can start once the contact window opens.</source>
        <translation>It is too early: the session can start once the contact window opens.</translation>
    </message>
    <message>
        <source>The booked time is over; this session can no longer start.</source>
        <translation>The booked time is over; this session can no longer start.</translation>
    </message>
    <message>
        <source>This session is already finished.</source>
        <translation>This session is already finished.</translation>
    </message>
    <message>
        <source>You are on a break. Start anyway, or wait until it ends.</source>
        <translation>You are on a break. Start anyway, or wait until it ends.</translation>
    </message>
    <message>
        <source>The session step failed. Try again.</source>
        <translation>The session step failed. Try again.</translation>
    </message>
    <message>
        <source>This reply no longer exists.</source>
        <translation>This reply no longer exists.</translation>
    </message>
    <message>
        <source>Your agency&apos;s replies cannot be deleted; edit them, and your wording is kept.</source>
        <translation>Your agency&apos;s replies cannot be deleted; edit them, and your wording is kept.</translation>
    </message>
    <message>
        <source>Write the reply&apos;s text first.</source>
        <translation>Write the reply&apos;s text first.</translation>
    </message>
    <message>
        <source>The reply is too long: at most 1,000 characters.</source>
        <translation>The reply is too long: at most 1,000 characters.</translation>
    </message>
    <message>
        <source>A shortcode uses only small letters, digits, - and _ (at most 32).</source>
        <translation>A shortcode uses only small letters, digits, - and _ (at most 32).</translation>
    </message>
    <message>
        <source>Another reply in this language already has this shortcode.</source>
        <translation>Another reply in this language already has this shortcode.</translation>
    </message>
    <message>
        <source>Choose the reply&apos;s language.</source>
        <translation>Choose the reply&apos;s language.</translation>
    </message>
    <message>
        <source>Nine replies are pinned already. Unpin one first.</source>
        <translation>Nine replies are pinned already. Unpin one first.</translation>
    </message>
    <message>
        <source>The reply could not be saved. Try again.</source>
        <translation>The reply could not be saved. Try again.</translation>
    </message>
    <message>
        <source>This preset no longer exists.</source>
        <translation>This preset no longer exists.</translation>
    </message>
    <message>
        <source>Your agency&apos;s presets cannot be deleted; edit one to make your own copy.</source>
        <translation>Your agency&apos;s presets cannot be deleted; edit one to make your own copy.</translation>
    </message>
    <message>
        <source>This boundary is no longer in the preset.</source>
        <translation>This boundary is no longer in the preset.</translation>
    </message>
    <message>
        <source>The preset already has this boundary.</source>
        <translation>The preset already has this boundary.</translation>
    </message>
    <message>
        <source>The boundary&apos;s key is not valid.</source>
        <translation>The boundary&apos;s key is not valid.</translation>
    </message>
    <message>
        <source>Give the preset a name of 1 to 80 characters.</source>
        <translation>Give the preset a name of 1 to 80 characters.</translation>
    </message>
    <message>
        <source>Describe the boundary in 1 to 200 characters.</source>
        <translation>Describe the boundary in 1 to 200 characters.</translation>
    </message>
    <message>
        <source>A preset holds at most 50 boundaries.</source>
        <translation>A preset holds at most 50 boundaries.</translation>
    </message>
    <message>
        <source>Link at most 10 decline replies to one boundary.</source>
        <translation>Link at most 10 decline replies to one boundary.</translation>
    </message>
    <message>
        <source>The preset could not be changed. Try again.</source>
        <translation>The preset could not be changed. Try again.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <source>The file is too large to be a boundary preset.</source>
        <translation>The file is too large to be a boundary preset.</translation>
    </message>
    <message>
        <source>The file is not a boundary preset: it is not JSON.</source>
        <translation>The file is not a boundary preset: it is not JSON.</translation>
    </message>
    <message>
        <source>The file is not a TalentDesk boundary preset.</source>
        <translation>The file is not a TalentDesk boundary preset.</translation>
    </message>
    <message>
        <source>The file comes from a newer TalentDesk. Update TalentDesk to import it.</source>
        <translation>The file comes from a newer TalentDesk. Update TalentDesk to import it.</translation>
    </message>
    <message>
        <source>The preset file has a mistake in it.</source>
        <translation>The preset file has a mistake in it.</translation>
    </message>
    <message>
        <source>The preset could not be imported.</source>
        <translation>The preset could not be imported.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Fill in first: %1</source>
        <translation>Fill in first: %1</translation>
    </message>
    <message>
        <source>Send the closing reply</source>
        <translation>Send the closing reply</translation>
    </message>
    <message>
        <source>Block the customer in your chat app</source>
        <translation>Block the customer in your chat app</translation>
    </message>
    <message>
        <source>Block the customer&apos;s number for calls</source>
        <translation>Block the customer&apos;s number for calls</translation>
    </message>
    <message>
        <source>Remove the conversation and the number from your recent chats and calls</source>
        <translation>Remove the conversation and the number from your recent chats and calls</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Message in</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>The agency&apos;s reply-pace rule was broken in this session.</source>
        <translation>The agency&apos;s reply-pace rule was broken in this session.</translation>
    </message>
    <message>
        <source>Answer now: this wait already breaks the agency&apos;s reply-pace rule.</source>
        <translation>Answer now: this wait already breaks the agency&apos;s reply-pace rule.</translation>
    </message>
    <message>
        <source>Careful: one more slow reply breaks the agency&apos;s reply-pace rule.</source>
        <translation>Careful: one more slow reply breaks the agency&apos;s reply-pace rule.</translation>
    </message>
    <message>
        <source>This reply already counts as slow. Answer now.</source>
        <translation>This reply already counts as slow. Answer now.</translation>
    </message>
    <message>
        <source>Reply soon: this wait is about to count as slow.</source>
        <translation>Reply soon: this wait is about to count as slow.</translation>
    </message>
    <message>
        <source>Polite decline</source>
        <translation>Polite decline</translation>
    </message>
    <message>
        <source>Humour</source>
        <translation>Humour</translation>
    </message>
    <message>
        <source>Offer an alternative</source>
        <translation>Offer an alternative</translation>
    </message>
    <message>
        <source>Opening reply</source>
        <translation>Opening reply</translation>
    </message>
    <message>
        <source>Closing reply</source>
        <translation>Closing reply</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Ask me</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Mine · edited from the agency&apos;s</source>
        <translation>Mine · edited from the agency&apos;s</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesian</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Any language</translation>
    </message>
</context>
<context>
    <name>SessionStartPanel</name>
    <message>
        <source>The session could not start. Try again.</source>
        <translation>The session could not start. Try again.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows and the session can start from %1.</source>
        <translation>The customer&apos;s contact shows and the session can start from %1.</translation>
    </message>
    <message>
        <source>Another session is live: finish it before starting this one.</source>
        <translation>Another session is live: finish it before starting this one.</translation>
    </message>
    <message>
        <source>You can start the session now.</source>
        <translation>You can start the session now.</translation>
    </message>
    <message>
        <source>The session ended: close it, block the customer, then finish.</source>
        <translation>The session ended: close it, block the customer, then finish.</translation>
    </message>
    <message>
        <source>You are on a break</source>
        <extracomment>How often the break&apos;s countdown on the card looks at the clock. How often the card looks at the clock and the contact again.</extracomment>
        <translation>You are on a break</translation>
    </message>
    <message>
        <source>Your break has %1 left. Start this session anyway?</source>
        <translation>Your break has %1 left. Start this session anyway?</translation>
    </message>
    <message>
        <source>Start anyway</source>
        <translation>Start anyway</translation>
    </message>
    <message>
        <source>Keep my break</source>
        <translation>Keep my break</translation>
    </message>
    <message>
        <source>The customer&apos;s details were destroyed.</source>
        <translation>The customer&apos;s details were destroyed.</translation>
    </message>
    <message>
        <source>The agency&apos;s reason: “%1”</source>
        <translation>The agency&apos;s reason: “%1”</translation>
    </message>
    <message>
        <source>The booked time has passed. Ask the agency if the customer shows up.</source>
        <translation>The booked time has passed. Ask the agency if the customer shows up.</translation>
    </message>
    <message>
        <source>Accept or decline it first.</source>
        <translation>Accept or decline it first.</translation>
    </message>
    <message>
        <source>You are on a break: %1 left. New sessions wait until it is over; you can still start this one if you are ready.</source>
        <translation>You are on a break: %1 left. New sessions wait until it is over; you can still start this one if you are ready.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows once you accept this booking.</source>
        <translation>The customer&apos;s contact shows once you accept this booking.</translation>
    </message>
    <message numerus="yes">
        <source>The contact shows from %1, %n minute(s) before the start.</source>
        <translation>
            <numerusform>The contact shows from %1, %n minute before the start.</numerusform>
            <numerusform>The contact shows from %1, %n minutes before the start.</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer&apos;s details are gone with this booking.</source>
        <translation>The customer&apos;s details are gone with this booking.</translation>
    </message>
    <message>
        <source>Returning customer: you blocked them after their last session. They booked again through the agency, so unblock them in your chat and call apps before you start.</source>
        <translation>Returning customer: you blocked them after their last session. They booked again through the agency, so unblock them in your chat and call apps before you start.</translation>
    </message>
    <message>
        <source>I have unblocked this customer</source>
        <translation>I have unblocked this customer</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Start session</translation>
    </message>
    <message>
        <source>Open session window</source>
        <translation>Open session window</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>The customer&apos;s contact could not be read. Ask the agency if you need it.</source>
        <extracomment>Ending earlier than this before the booked end asks first.</extracomment>
        <translation>The customer&apos;s contact could not be read. Ask the agency if you need it.</translation>
    </message>
    <message>
        <source>End the session early?</source>
        <translation>End the session early?</translation>
    </message>
    <message>
        <source>%1 of the booked time are still left. End the session now?</source>
        <translation>%1 of the booked time are still left. End the session now?</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Keep going</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Something went wrong. Try again.</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>time left</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>over time</translation>
    </message>
    <message>
        <source>session length</source>
        <translation>session length</translation>
    </message>
    <message>
        <source>Time is up: %1 over the booked time. Close the session politely.</source>
        <translation>Time is up: %1 over the booked time. Close the session politely.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left. Start wrapping up the conversation.</source>
        <translation>
            <numerusform>%n minute left. Start wrapping up the conversation.</numerusform>
            <numerusform>%n minutes left. Start wrapping up the conversation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>Session: %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>started %1</translation>
    </message>
    <message>
        <source>resumed after a restart</source>
        <translation>resumed after a restart</translation>
    </message>
    <message>
        <source>The agency cancelled this booking. End the session politely; the customer&apos;s details are kept until you finish.</source>
        <translation>The agency cancelled this booking. End the session politely; the customer&apos;s details are kept until you finish.</translation>
    </message>
    <message>
        <source>Compact window</source>
        <translation>Compact window</translation>
    </message>
    <message>
        <source>A small window with the timer and your pinned replies, kept on top.</source>
        <translation>A small window with the timer and your pinned replies, kept on top.</translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>%n minute left</numerusform>
            <numerusform>%n minutes left</numerusform>
        </translation>
    </message>
    <message>
        <source>Start wrapping up the conversation.</source>
        <translation>Start wrapping up the conversation.</translation>
    </message>
    <message>
        <source>The booked time is up</source>
        <translation>The booked time is up</translation>
    </message>
    <message>
        <source>Close the session politely. To extend, the customer asks the agency.</source>
        <translation>Close the session politely. To extend, the customer asks the agency.</translation>
    </message>
    <message>
        <source>The session is saved and the customer&apos;s details were destroyed.</source>
        <translation>The session is saved and the customer&apos;s details were destroyed.</translation>
    </message>
    <message>
        <source>The session is saved. The customer&apos;s details are destroyed as soon as the keyring answers.</source>
        <translation>The session is saved. The customer&apos;s details are destroyed as soon as the keyring answers.</translation>
    </message>
    <message>
        <source>Session finished</source>
        <translation>Session finished</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Now: %1 · started %2</source>
        <translation>Now: %1 · started %2</translation>
    </message>
    <message>
        <source>%1 · %2 · too late to report in the app</source>
        <translation>%1 · %2 · too late to report in the app</translation>
    </message>
    <message>
        <source>%1 · %2 · report until %3</source>
        <translation>%1 · %2 · report until %3</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>After %n minute(s)</source>
        <translation>
            <numerusform>After %n minute</numerusform>
            <numerusform>After %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while, but never while a session is live or an escalation is open. Locked during a session, the lock screen keeps the session&apos;s timer and the escalate button.</source>
        <translation>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while, but never while a session is live or an escalation is open. Locked during a session, the lock screen keeps the session&apos;s timer and the escalate button.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Lock automatically</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Not protected: this demo vault&apos;s key is kept in the demo folder.</source>
        <translation>Not protected: this demo vault&apos;s key is kept in the demo folder.</translation>
    </message>
    <message>
        <source>Anyone who can read the demo folder can open this vault. It holds sample data only; your real vault is protected by your keyring or a passphrase.</source>
        <translation>Anyone who can read the demo folder can open this vault. It holds sample data only; your real vault is protected by your keyring or a passphrase.</translation>
    </message>
    <message>
        <source>Protected by your system keyring: %1.</source>
        <translation>Protected by your system keyring: %1.</translation>
    </message>
    <message>
        <source>When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</translation>
    </message>
    <message>
        <source>Protected by your passphrase (no system keyring).</source>
        <translation>Protected by your passphrase (no system keyring).</translation>
    </message>
    <message>
        <source>With a passphrase only, shredded customer data is less safe: old copies in free disk space could be decrypted by someone who later learns your passphrase. A system keyring gives the full guarantee.</source>
        <translation>With a passphrase only, shredded customer data is less safe: old copies in free disk space could be decrypted by someone who later learns your passphrase. A system keyring gives the full guarantee.</translation>
    </message>
    <message>
        <source>Vault version: %1</source>
        <translation>Vault version: %1</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>TalentDesk %1
Data folder: %2</source>
        <translation>TalentDesk %1
Data folder: %2</translation>
    </message>
</context>
<context>
    <name>ShiftLimitsSection</name>
    <message>
        <source>1 hour</source>
        <extracomment>The choices offered; a saved value that is not among them is offered too.</extracomment>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>No break needed</source>
        <translation>No break needed</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift limits</source>
        <translation>Shift limits</translation>
    </message>
    <message>
        <source>Before you accept a booking, TalentDesk warns you if it would break these limits. The night counts every booking within 12 hours of the new one.</source>
        <translation>Before you accept a booking, TalentDesk warns you if it would break these limits. The night counts every booking within 12 hours of the new one.</translation>
    </message>
    <message>
        <source>Most hours in a night</source>
        <translation>Most hours in a night</translation>
    </message>
    <message>
        <source>Shortest break between sessions</source>
        <translation>Shortest break between sessions</translation>
    </message>
    <message>
        <source>Save limits</source>
        <translation>Save limits</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved: the vault could not be written. Try again.</source>
        <translation>Not saved: the vault could not be written. Try again.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Night summary</source>
        <translation>Night summary</translation>
    </message>
    <message>
        <source>After each session, your nights add up here: sessions, hours and earnings, tonight and over the last seven nights.</source>
        <translation>After each session, your nights add up here: sessions, hours and earnings, tonight and over the last seven nights.</translation>
    </message>
    <message>
        <source>Last 7 nights</source>
        <translation>Last 7 nights</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessions</translation>
    </message>
    <message>
        <source>A shift past midnight counts as one. Only session times and package prices are used, never anything about a customer.</source>
        <translation>A shift past midnight counts as one. Only session times and package prices are used, never anything about a customer.</translation>
    </message>
    <message>
        <source>No sessions in the last seven nights</source>
        <translation>No sessions in the last seven nights</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>Your last shift</source>
        <translation>Your last shift</translation>
    </message>
    <message>
        <source>session time</source>
        <translation>session time</translation>
    </message>
    <message>
        <source>earnings</source>
        <translation>earnings</translation>
    </message>
    <message>
        <source>Since %1; sessions less than 6 hours apart count as one shift.</source>
        <translation>Since %1; sessions less than 6 hours apart count as one shift.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ran over time.</source>
        <translation>
            <numerusform>%n session ran over time.</numerusform>
            <numerusform>%n sessions ran over time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Earnings per night</source>
        <translation>Earnings per night</translation>
    </message>
    <message>
        <source>Package prices as booked, cancelled sessions left out; the agency&apos;s statement is what gets paid.</source>
        <translation>Package prices as booked, cancelled sessions left out; the agency&apos;s statement is what gets paid.</translation>
    </message>
    <message numerus="yes">
        <source>%n session record(s) could not be read and are not counted.</source>
        <translation>
            <numerusform>%n session record could not be read and is not counted.</numerusform>
            <numerusform>%n session records could not be read and are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>the agency did not answer in time</source>
        <extracomment>Seconds past which a wait reads in minutes, hours, days.</extracomment>
        <translation>the agency did not answer in time</translation>
    </message>
    <message>
        <source>the agency is answering very slowly</source>
        <translation>the agency is answering very slowly</translation>
    </message>
    <message>
        <source>the agency can&apos;t be reached (no connection)</source>
        <translation>the agency can&apos;t be reached (no connection)</translation>
    </message>
    <message>
        <source>the agency asked to slow down (too many requests)</source>
        <translation>the agency asked to slow down (too many requests)</translation>
    </message>
    <message>
        <source>the agency&apos;s server has a problem</source>
        <translation>the agency&apos;s server has a problem</translation>
    </message>
    <message>
        <source>the agency&apos;s answer could not be read</source>
        <translation>the agency&apos;s answer could not be read</translation>
    </message>
    <message>
        <source>the agency refused this device&apos;s token</source>
        <translation>the agency refused this device&apos;s token</translation>
    </message>
    <message>
        <source>the agency removed this device</source>
        <translation>the agency removed this device</translation>
    </message>
    <message>
        <source>the agency isn&apos;t letting this device sync for now</source>
        <translation>the agency isn&apos;t letting this device sync for now</translation>
    </message>
    <message>
        <source>the agency&apos;s address no longer serves bookings</source>
        <translation>the agency&apos;s address no longer serves bookings</translation>
    </message>
    <message>
        <source>the agency refused the request</source>
        <translation>the agency refused the request</translation>
    </message>
    <message>
        <source>the agency refused a request</source>
        <translation>the agency refused a request</translation>
    </message>
    <message>
        <source>the agency is still handling an earlier try</source>
        <translation>the agency is still handling an earlier try</translation>
    </message>
    <message>
        <source>the agency keeps saying its data was reset</source>
        <translation>the agency keeps saying its data was reset</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem</source>
        <translation>TalentDesk ran into an internal problem</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>something went wrong</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>more than a year</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>the agency</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Offline, retrying in %1: %2</source>
        <translation>Offline, retrying in %1: %2</translation>
    </message>
    <message>
        <source>%1 removed this device: unpair and pair again in Settings with a new code</source>
        <translation>%1 removed this device: unpair and pair again in Settings with a new code</translation>
    </message>
    <message>
        <source>%1 refused to send your bookings (HTTP %2), so TalentDesk stopped asking. Tell your agency, then press Retry now.</source>
        <translation>%1 refused to send your bookings (HTTP %2), so TalentDesk stopped asking. Tell your agency, then press Retry now.</translation>
    </message>
    <message>
        <source>%1 isn&apos;t letting this device sync for now. Trying again in %2.</source>
        <translation>%1 isn&apos;t letting this device sync for now. Trying again in %2.</translation>
    </message>
    <message>
        <source>%1&apos;s address no longer serves bookings (HTTP %2). Trying again in %3; ask your agency whether its address changed.</source>
        <translation>%1&apos;s address no longer serves bookings (HTTP %2). Trying again in %3; ask your agency whether its address changed.</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem and starts syncing again in %1</source>
        <translation>TalentDesk ran into an internal problem and starts syncing again in %1</translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation>Retrying: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Connected to %2 as %1</source>
        <translation>Connected to %2 as %1</translation>
    </message>
    <message>
        <source>Token refused by %1: unpair and pair again in Settings</source>
        <translation>Token refused by %1: unpair and pair again in Settings</translation>
    </message>
    <message>
        <source>Paired as %1 with %2, not syncing</source>
        <translation>Paired as %1 with %2, not syncing</translation>
    </message>
    <message>
        <source>Not paired with an agency</source>
        <translation>Not paired with an agency</translation>
    </message>
    <message>
        <source>Retrying in %1: %2</source>
        <translation>Retrying in %1: %2</translation>
    </message>
    <message>
        <source>(it asked to wait %1; TalentDesk waits at most %2, or press Retry now)</source>
        <translation>(it asked to wait %1; TalentDesk waits at most %2, or press Retry now)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>%1 · retry in %2 s</source>
        <translation>%1 · retry in %2 s</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token refused</translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Not syncing</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>Not paired</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting to be sent: %1</source>
        <translation>
            <numerusform>%n item waiting to be sent: %1</numerusform>
            <numerusform>%n items waiting to be sent: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting to be sent</source>
        <translation>
            <numerusform>%n item waiting to be sent</numerusform>
            <numerusform>%n items waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) refused by the agency</source>
        <translation>
            <numerusform>%n item refused by the agency</numerusform>
            <numerusform>%n items refused by the agency</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown event(s) skipped</source>
        <translation>
            <numerusform>%n unknown event skipped</numerusform>
            <numerusform>%n unknown events skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable event(s) skipped</source>
        <translation>
            <numerusform>%n unreadable event skipped</numerusform>
            <numerusform>%n unreadable events skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Ask your agency again now instead of waiting</source>
        <translation>Ask your agency again now instead of waiting</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>refused by the agency</source>
        <translation>refused by the agency</translation>
    </message>
    <message>
        <source>TalentDesk refuses plain http:// for this address: the device token would travel unencrypted, and anyone on the network could read it and act as you. Use the agency&apos;s https:// address.</source>
        <translation>TalentDesk refuses plain http:// for this address: the device token would travel unencrypted, and anyone on the network could read it and act as you. Use the agency&apos;s https:// address.</translation>
    </message>
    <message>
        <source>This is not an agency address. It starts with https://, for example https://agency.example.com.</source>
        <translation>This is not an agency address. It starts with https://, for example https://agency.example.com.</translation>
    </message>
    <message>
        <source>The agency doesn&apos;t know this code. Check it, or ask your agency for a new one.</source>
        <translation>The agency doesn&apos;t know this code. Check it, or ask your agency for a new one.</translation>
    </message>
    <message>
        <source>This code was already used: each code works only once. Ask your agency for a new one.</source>
        <translation>This code was already used: each code works only once. Ask your agency for a new one.</translation>
    </message>
    <message>
        <source>This code has expired. Ask your agency for a new one.</source>
        <translation>This code has expired. Ask your agency for a new one.</translation>
    </message>
    <message>
        <source>The agency refused the pairing: %1</source>
        <translation>The agency refused the pairing: %1</translation>
    </message>
    <message>
        <source>Can&apos;t reach the agency at %1: %2. Check the address and your internet connection, then try again.</source>
        <translation>Can&apos;t reach the agency at %1: %2. Check the address and your internet connection, then try again.</translation>
    </message>
    <message>
        <source>Pairing didn&apos;t finish because of a problem on this computer: %1</source>
        <translation>Pairing didn&apos;t finish because of a problem on this computer: %1</translation>
    </message>
</context>
<context>
    <name>TalentDeskApp</name>
    <message>
        <source>A shortcut is taken</source>
        <extracomment>Opens the workspace of an unlocked vault (the composition layer&apos;s; the view builds none). The notice that a pace hotkey is another app&apos;s (withdrawn once the keys are free). How long a start looks for the vault quietly before the unlock screen says it waits.</extracomment>
        <translation>A shortcut is taken</translation>
    </message>
    <message>
        <source>Another app already uses %1, so TalentDesk cannot hear it. Choose another in Settings → During a session.</source>
        <translation>Another app already uses %1, so TalentDesk cannot hear it. Choose another in Settings → During a session.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>%n minute left</numerusform>
            <numerusform>%n minutes left</numerusform>
        </translation>
    </message>
    <message>
        <source>Start wrapping up the conversation.</source>
        <translation>Start wrapping up the conversation.</translation>
    </message>
    <message>
        <source>The booked time is up</source>
        <translation>The booked time is up</translation>
    </message>
    <message>
        <source>Close the session politely. To extend, the customer asks the agency.</source>
        <translation>Close the session politely. To extend, the customer asks the agency.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Check before you accept</source>
        <extracomment>How often the list is loaded again without news (times roll over midnight). The longest decline reason the agency accepts. The list&apos;s least height, and how many bookings it shows before it scrolls. Characters of a package&apos;s name that must fit beside the other columns; on a narrower table the package&apos;s details go under its name.</extracomment>
        <translation>Check before you accept</translation>
    </message>
    <message>
        <source>Before you accept the booking at %1 (%2):</source>
        <translation>Before you accept the booking at %1 (%2):</translation>
    </message>
    <message>
        <source>Accept anyway</source>
        <translation>Accept anyway</translation>
    </message>
    <message>
        <source>Don&apos;t accept</source>
        <translation>Don&apos;t accept</translation>
    </message>
    <message>
        <source>This booking cannot be accepted</source>
        <translation>This booking cannot be accepted</translation>
    </message>
    <message>
        <source>The booking at %1 (%2) is at the same time as:</source>
        <translation>The booking at %1 (%2) is at the same time as:</translation>
    </message>
    <message>
        <source>your booking at %1 (%2)</source>
        <translation>your booking at %1 (%2)</translation>
    </message>
    <message>
        <source>You can&apos;t be in two sessions at once. Decline it, or ask your agency to move one of them.</source>
        <translation>You can&apos;t be in two sessions at once. Decline it, or ask your agency to move one of them.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>your boundaries</source>
        <translation>your boundaries</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say never to chat, and this package includes chat.</source>
        <translation>Your boundaries (%1) say never to chat, and this package includes chat.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say to ask you first about chat, and this package includes chat.</source>
        <translation>Your boundaries (%1) say to ask you first about chat, and this package includes chat.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say never to take calls, and this package includes a call.</source>
        <translation>Your boundaries (%1) say never to take calls, and this package includes a call.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say to ask you first about calls, and this package includes a call.</source>
        <translation>Your boundaries (%1) say to ask you first about calls, and this package includes a call.</translation>
    </message>
    <message>
        <source>It goes against your boundaries (%1).</source>
        <translation>It goes against your boundaries (%1).</translation>
    </message>
    <message>
        <source>It takes you past your limit of %1 hours of sessions in a night.</source>
        <translation>It takes you past your limit of %1 hours of sessions in a night.</translation>
    </message>
    <message numerus="yes">
        <source>It leaves you less than your %n minute(s) of break between sessions.</source>
        <translation>
            <numerusform>It leaves you less than your %n minute of break between sessions.</numerusform>
            <numerusform>It leaves you less than your %n minutes of break between sessions.</numerusform>
        </translation>
    </message>
    <message>
        <source>It breaks one of your shift limits.</source>
        <translation>It breaks one of your shift limits.</translation>
    </message>
    <message>
        <source>Decline booking</source>
        <translation>Decline booking</translation>
    </message>
    <message>
        <source>Decline the booking at %1 (%2)?

You can tell the agency why (optional):</source>
        <translation>Decline the booking at %1 (%2)?

You can tell the agency why (optional):</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Don&apos;t decline</source>
        <translation>Don&apos;t decline</translation>
    </message>
    <message>
        <source>You accepted the booking at %1 (%2).</source>
        <translation>You accepted the booking at %1 (%2).</translation>
    </message>
    <message>
        <source>You declined the booking at %1 (%2).</source>
        <translation>You declined the booking at %1 (%2).</translation>
    </message>
    <message>
        <source>The agency refused your answer: %1</source>
        <translation>The agency refused your answer: %1</translation>
    </message>
    <message>
        <source>Your answer is queued: it is sent as soon as the agency can be reached.</source>
        <translation>Your answer is queued: it is sent as soon as the agency can be reached.</translation>
    </message>
    <message>
        <source>Your answer was delivered to the agency.</source>
        <translation>Your answer was delivered to the agency.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>No bookings yet</source>
        <translation>No bookings yet</translation>
    </message>
    <message>
        <source>Your bookings for today and tonight appear here when your agency sends them, each with its package and start time, so you can start and end every session on time.</source>
        <translation>Your bookings for today and tonight appear here when your agency sends them, each with its package and start time, so you can start and end every session on time.</translation>
    </message>
    <message>
        <source>To receive bookings, pair TalentDesk with your agency in Settings.</source>
        <translation>To receive bookings, pair TalentDesk with your agency in Settings.</translation>
    </message>
    <message>
        <source>You&apos;re paired with %1: new bookings appear here as soon as it sends them.</source>
        <translation>You&apos;re paired with %1: new bookings appear here as soon as it sends them.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Open Settings</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Tonight</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your answer</source>
        <translation>
            <numerusform>%n waiting for your answer</numerusform>
            <numerusform>%n waiting for your answer</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a booking that waits for your answer to accept or decline it.</source>
        <translation>Select a booking that waits for your answer to accept or decline it.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>This booking was already answered, or the agency cancelled it meanwhile.</source>
        <translation>This booking was already answered, or the agency cancelled it meanwhile.</translation>
    </message>
    <message>
        <source>Your answer could not be saved. Try again.</source>
        <translation>Your answer could not be saved. Try again.</translation>
    </message>
    <message>
        <source>This booking is at the same time as another session of yours, so it cannot be accepted. Decline it, or ask your agency to move one of them.</source>
        <translation>This booking is at the same time as another session of yours, so it cannot be accepted. Decline it, or ask your agency to move one of them.</translation>
    </message>
    <message>
        <source>Tonight&apos;s bookings could not be loaded. They are loaded again soon.</source>
        <translation>Tonight&apos;s bookings could not be loaded. They are loaded again soon.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) could not be read: the vault&apos;s check failed. Ask your agency to send them again if they are missing here.</source>
        <translation>
            <numerusform>%n booking could not be read: the vault&apos;s check failed. Ask your agency to send it again if it is missing here.</numerusform>
            <numerusform>%n bookings could not be read: the vault&apos;s check failed. Ask your agency to send them again if they are missing here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsCard</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>your shift desk</source>
        <translation>your shift desk</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
</context>
<context>
    <name>WelcomeStep</name>
    <message>
        <source>Welcome to TalentDesk</source>
        <translation>Welcome to TalentDesk</translation>
    </message>
    <message>
        <source>Your desk for the sessions your agency books. Two things first: the language you want, and the name you work under.</source>
        <translation>Your desk for the sessions your agency books. Two things first: the language you want, and the name you work under.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Your &amp;working name (you can add it later)</source>
        <translation>Your &amp;working name (you can add it later)</translation>
    </message>
    <message>
        <source>e.g. Sari</source>
        <translation>e.g. Sari</translation>
    </message>
    <message>
        <source>The name your agency gives you for customers. Replies fill it in where they say {talent}. Never your real name.</source>
        <translation>The name your agency gives you for customers. Replies fill it in where they say {talent}. Never your real name.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>WorkingNameSection</name>
    <message>
        <source>Your working name</source>
        <translation>Your working name</translation>
    </message>
    <message>
        <source>The name you work under, as your agency knows you to customers. Replies fill it in where they say {talent}. Never use your real name here.</source>
        <translation>The name you work under, as your agency knows you to customers. Replies fill it in where they say {talent}. Never use your real name here.</translation>
    </message>
    <message>
        <source>Working name</source>
        <translation>Working name</translation>
    </message>
    <message>
        <source>e.g. Sari</source>
        <translation>e.g. Sari</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Could not be saved. Try again.</source>
        <translation>Could not be saved. Try again.</translation>
    </message>
    <message>
        <source>Not set yet: replies that use {talent} would leave it out.</source>
        <translation>Not set yet: replies that use {talent} would leave it out.</translation>
    </message>
</context>
</TS>
