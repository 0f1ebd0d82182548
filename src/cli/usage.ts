// The `room-query --help` text.

export const USAGE = `Usage: room-query serve [options]

Serves Rocket.Chat's GET /api/v1/voip/rooms over generated demo rooms and users.

Options:
  --rooms N     how many rooms to generate (default 10000)
  --seed S      seed of the generated users and rooms (default 42)
  --port P      port to listen on, 0 for any free port (default 3000)
  --host H      address to listen on (default 127.0.0.1)
  --mode M      default | rocketchat (reproduce upstream's quirks) (default: default)
  -h, --help    show this help

On start it prints the demo users with their tokens and ready-to-paste curl lines.`;
