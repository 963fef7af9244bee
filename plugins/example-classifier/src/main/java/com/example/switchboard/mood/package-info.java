/** Example AI plugin: a keyword sentiment classifier, the AI walkthrough of docs/plugins.md. */
package com.example.switchboard.mood;
