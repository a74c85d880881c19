<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
    <name>BookingsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The booking of a row (any column), a ``Booking``. The id of the booking of a row, a ``str``.</extracomment>
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
    <name>LockedStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
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
    <name>PassphraseStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
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
    <name>RepliesPage</name>
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
</context>
<context>
    <name>SessionWords</name>
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
        <source>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while.</source>
        <translation>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while.</translation>
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
    <name>SyncWords</name>
    <message>
        <source>the agency did not answer in time</source>
        <translation>the agency did not answer in time</translation>
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
        <source>the agency refused a request</source>
        <translation>the agency refused a request</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem</source>
        <translation>TalentDesk ran into an internal problem</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>something went wrong</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>the agency</translation>
    </message>
    <message>
        <source>Connected: paired as %1 with %2</source>
        <translation>Connected: paired as %1 with %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation>Retrying: %1</translation>
    </message>
    <message>
        <source>Retrying in %1 s: %2</source>
        <translation>Retrying in %1 s: %2</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Offline, retrying in %1 s: %2</source>
        <translation>Offline, retrying in %1 s: %2</translation>
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
    <name>TodayPage</name>
    <message>
        <source>Check before you accept</source>
        <extracomment>How often the list is loaded again without news (times roll over midnight). The longest decline reason the agency accepts.</extracomment>
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
        <source>It overlaps your booking at %1 (%2).</source>
        <translation>It overlaps your booking at %1 (%2).</translation>
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
        <source>Keep it</source>
        <translation>Keep it</translation>
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
</TS>
