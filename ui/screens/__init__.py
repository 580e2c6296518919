"""The kiosk's screens, one module each; the window stacks them."""
