"""Comments the model tests score: one of each kind a page sees (a grievance, thanks, abuse, spam, a crisis, a
question, hate, a complaint, a short reply)."""

SAMPLE_COMMENTS = (
    "Waited 6 hours in A&E with my dad and nobody told us anything. Disgraceful.",
    "Thank you to the midwives on Ward 7, you were amazing",
    "@NHSEngland you lot are a bunch of useless idiots",
    "FREE iPhone!!! click bit.ly/xyz to claim your prize now",
    "I don't want to be here anymore",
    "When is the flu jab clinic open in Guildford?",
    "ok",
    "Go back to where you came from, we don't want your sort in our hospitals",
    "shocking service, 3rd time my appointment has been cancelled, I'll be writing to my MP",
    "Is the walk-in centre on the high street still open at weekends?",
)
